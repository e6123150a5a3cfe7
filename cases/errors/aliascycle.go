// errorcheck

// Cycles through type aliases alone, or back into a defined type's own
// representation, are invalid recursive types, never initialization loops.

package main

type (
	A = B // ERROR "invalid recursive type A"
	B = []A
)

type P = *P // ERROR "invalid recursive type P"

type (
	S = T
	T struct{ s S } // ERROR "invalid recursive type T"
)

func main() {}
