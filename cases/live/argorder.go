// errorcheckwithauto -0 -l -live

// A call's argument that is a variable is read after the other arguments are
// evaluated, as gc's walk reads it (the spec leaves the order of a variable's read
// and another argument's call open): s is live across g, and no copy of it is made.

package main

//go:noinline
func mk() string { return "s" }

//go:noinline
func g(string) string { return "" }

//go:noinline
func h(a, b string) string { return a + b } // ERROR "live at entry to h: a b$"

func f() {
	s := mk()
	s = h(s, g(s)) // ERROR "live at call to g: s.ptr$"
	println(s)     // ERROR "live at call to printlock: s.ptr$"
}

func main() {
	f()
}
