// errorcheck

package main

// A token that cannot start a statement ends the statement list: the block
// then wants its closing brace, as gc's parser says.

func f() {
	x := 1
	_ = x
	:= "z9" // ERROR "syntax error: unexpected :=, expecting }"
}

func main() {
	f()
}
