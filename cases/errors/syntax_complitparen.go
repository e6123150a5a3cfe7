// errorcheck

// A composite literal's type may not be parenthesized; parsing goes on.

package main

type inner struct{ n int }

func main() {
	_ = (inner){n: 1}  // ERROR "syntax error: cannot parenthesize type in composite literal"
	_ = ([]byte){}     // ERROR "syntax error: cannot parenthesize type in composite literal"
	_ = (map[int]bool){} // ERROR "syntax error: cannot parenthesize type in composite literal"
}
