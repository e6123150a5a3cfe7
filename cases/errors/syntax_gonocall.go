// errorcheck

// A go or defer statement without an expression is a syntax error, and its
// missing expression is no function call either.

package main

func main() {
	defer ) // ERROR "syntax error: unexpected \), expecting expression" "expression in defer must be function call"
}
