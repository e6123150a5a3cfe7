// errorcheck

// A function type missing its ( is reported, the offending token skipped and
// parsing goes on: the literal's body is still parsed.

package main

func main() {
	double := func n) int { // ERROR "syntax error: unexpected n, expecting \("
		return n ) // ERROR "syntax error: unexpected \) at end of statement"
	}
	_ = double
}
