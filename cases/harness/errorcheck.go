// errorcheck

// Demonstrates the errorcheck directive: each quoted regexp after ERROR must match a
// diagnostic reported on that line, and every diagnostic must be expected.

package p

func f() int {
	var s string = 1 // ERROR "cannot use 1 \(untyped int constant\) as string value"
	y := 1           // ERROR "y declared but not used"
	_ = s
	return undefinedName // ERROR "undefined: undefinedName"
}

var g = f() + "x" // ERROR "mismatched types|cannot convert"

// The next line's ERROR is disabled by the quadruple slash. //// ERROR "ignored"
