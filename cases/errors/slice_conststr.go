// errorcheck

package main

// A slice of a constant string may end at its length (the bound types2 prints
// is length+1); only an index must be below the length.

const c = "foofoofoof"

func main() {
	_ = c[9:10]
	_ = c[10:10]
	_ = c[10] // ERROR "invalid argument: index 10 out of bounds \[0:10\]"
	_ = c[9:12] // ERROR "invalid argument: index 12 out of bounds \[0:11\]"
}
