// errorcheck

package main

// No follow-on errors (types2): the variables of a failed assignment count as
// used, and a type switch clause whose one case is not a type declares its
// variable with an invalid type, so what the clause does with it is not checked.

func f() {
	var x int
	x = "a" // ERROR "cannot use .a. \(untyped string constant\) as int value in assignment"
}

func g() {
	var y int
	y, _ = 1, "a"+1 // ERROR "mismatched types untyped string and untyped int"
}

func h() {
	var z int // ERROR "z declared but not used"
	z = 1
}

func main() {
	var e interface{}
	switch t := e.(type) {
	case G: // ERROR "undefined: G"
		t.M()
	case int:
		_ = t + 1
	}
	f()
	g()
	h()
}
