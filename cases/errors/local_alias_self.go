// errorcheck

// A local type's scope starts at its name, so a local alias naming itself
// is a cycle even when an outer declaration has the same name.

package main

type T int

func main() {
	type T = []T // ERROR "invalid recursive type T"
	var x T
	_ = x
	type U = T
	var u U
	_ = u
	type P = *struct{ next P } // ERROR "invalid recursive type P"
}
