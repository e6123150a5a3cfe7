// errorcheck

// A name repeated on the left of := is reported once; the other names are
// still declared, so later uses of them are fine.

package main

func main() {
	a, a := 1, 2 // ERROR "a repeated on left side of :="
	_ = a
	b, c, b := 1, "x", 2.5 // ERROR "b repeated on left side of :="
	_, _ = b, c
	var d int
	d, d := 3, 4 // ERROR "d repeated on left side of :="
	_ = d
}
