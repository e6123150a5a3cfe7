// errorcheckwithauto -0 -l -live

// An address-taken variable that does not escape stays in the frame as a stack
// object: it may be read through its address at any point, so it is never dead.

package main

//go:noinline
func g(pp **int) int { // ERROR "live at entry to g: pp$"
	if *pp == nil {
		return 0
	}
	return **pp
}

func h() {}

func f1() int {
	var x *int // ERROR "stack object x \*int$"
	n := g(&x)
	h()
	return n
}

func main() {
	f1()
}
