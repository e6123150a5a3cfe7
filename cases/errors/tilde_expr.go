// errorcheck

// A unary ~ parses in any expression; outside a constraint the checker
// rejects it.

package main

func flip(v uint8) uint8 {
	return ~v // ERROR "cannot use ~ outside of interface or type constraint"
}

func main() {
	_ = flip(3)
}
