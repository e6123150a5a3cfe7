// errorcheck

// ... with a builtin other than append is an error; the arguments still
// count as used.

package main

func main() {
	parts := []int{1, 2}
	size := 3
	_ = cap(parts...)          // ERROR "invalid use of ... with built-in cap"
	_ = make([]int, size...)   // ERROR "invalid use of ... with built-in make"
}
