// errorcheckwithauto -0 -l -live
// refgo-only: refgo passes arguments on the stack (gc 1.19 uses registers, and reports their spill slots)

// Compiler temporaries that hold pointers are live across the calls between their
// definition and their use: the first argument of g is evaluated (into a temporary)
// before the call computing the second.

package main

func mk() *int            { return new(int) }
func str() string         { return "x" }
func g(p, q *int)         {}
func gs(a, b string) bool { return a == b } // ERROR "live at entry to gs: a b$"

func f1() {
	g(mk(), mk()) // ERROR "live at call to mk: .autotmp_[0-9]+$"
}

func f2() bool {
	return gs(str(), str()) // ERROR "live at call to str: .autotmp_[0-9]+$"
}

func main() {
	f1()
	f2()
}
