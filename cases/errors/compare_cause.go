// errorcheck

// == on an incomparable type names the part that cannot be compared, as types2 does.

package main

type S struct {
	n int
	a [2][]int
}

func main() {
	var x, y [2][]int
	var s, t S
	var i interface{}
	_ = x == y // ERROR "invalid operation: x == y \(\[2\]\[\]int cannot be compared\)"
	_ = s == t // ERROR "invalid operation: s == t \(struct containing \[2\]\[\]int cannot be compared\)"
	_ = i == x // ERROR "invalid operation: i == x \(\[2\]\[\]int cannot be compared\)"
}
