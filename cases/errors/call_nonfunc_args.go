// errorcheck

// Calling a non-function leaves its arguments unchecked, as types2 does: a
// variable used only there is not used.

package main

func main() {
	limit := 10 // ERROR "limit declared but not used"
	count := 3
	count(limit) // ERROR "invalid operation: cannot call non-function count \(variable of type int\)"
}
