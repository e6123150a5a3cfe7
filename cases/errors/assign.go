// errorcheck

package main

func two() (int, int) { return 1, 2 }

func main() {
	a, b := 1 // ERROR "assignment mismatch: 2 variables but 1 value"
	c := 1, 2 // ERROR "assignment mismatch: 1 variable but 2 values"
	d, e, f := two() // ERROR "assignment mismatch: 3 variables but two returns 2 values"
	x := 1
	x := 2 // ERROR "no new variables on left side of :="
	2 = x // ERROR "cannot assign to 2 \(untyped int constant\)"
	"s"[0] = 'a' // ERROR "cannot assign to .s.\[0\] \(value of type byte\)"
	_ = _ // ERROR "cannot use _ as value or type"
	y := nil // ERROR "use of untyped nil in assignment"
	var z = nil // ERROR "use of untyped nil in variable declaration"
	m := map[string]struct{ f int }{}
	m["a"].f = 1 // ERROR "cannot assign to struct field m\[.a.\]\.f in map"
	const k = 3
	k = 4 // ERROR "cannot assign to k \(untyped int constant 3\)"
	_, _, _, _, _, _, _, _ = a, b, c, d, e, f, x, m
	_, _ = y, z
}
