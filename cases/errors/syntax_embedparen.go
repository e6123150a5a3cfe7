// errorcheck

// A parenthesized embedded field is reported and parsing goes on, so each
// one is named.

package main

type inner struct{ n int }

type outer struct {
	(inner)   // ERROR "syntax error: cannot parenthesize embedded type"
	*(string) // ERROR "syntax error: cannot parenthesize embedded type"
	(*error)  // ERROR "syntax error: cannot parenthesize embedded type"
}

func main() {
	_ = outer{}
}
