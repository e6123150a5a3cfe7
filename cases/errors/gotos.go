// errorcheck

package main

func f1() {
	goto L // ERROR "goto L jumps over declaration of x at gotos\.go:7:4"
	x := 1
	_ = x
L:
}

func f2() {
	goto L // ERROR "goto L jumps into block starting at gotos\.go:14:2"
	{
	L:
	}
}

func f3(b bool) {
	if b {
	L:
	}
	goto L // ERROR "goto L jumps into block starting at gotos\.go:20:7"
}

func f4() {
	goto M // ERROR "label M not defined"
L:
	goto L
}

func main() {
	goto L // ERROR "goto L jumps over declaration of v at gotos\.go:34:6"
	var v int
	_ = v
L:
	for {
		break
	}
}
