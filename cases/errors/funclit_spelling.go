// errorcheck

// types2 spells a function literal in a message by its signature, with the
// body elided: `func(x int) {…}`, or `{}` when it is empty.

package main

func main() {
	var n int
	n = func(s string) {}               // ERROR "cannot use func\(s string\) {} \(value of type func\(s string\)\) as type int in assignment"
	n = func() int { return 1 }         // ERROR "cannot use func\(\) int {…} \(value of type func\(\) int\)"
	_ = n
}
