// errorcheck

// A non-constant shift of an untyped constant takes the type its context gives it,
// a conversion's too; only an integer type may be shifted.

package main

func main() {
	s := uint(3)
	var a = float64(1 << s) // ERROR "invalid operation: 1 << s \(shift of type float64\)"
	var b = string(1 << s)  // ERROR "invalid operation: 1 << s \(shift of type string\)"
	var c = int64(1 << s)
	var d = bool(1 << s) // ERROR "cannot convert 1 << s \(untyped int value\) to type bool"
	_, _, _, _ = a, b, c, d
}
