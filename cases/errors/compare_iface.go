// errorcheck

package main

// Comparisons with an interface in types2's order: an untyped constant cannot
// become a non-empty interface, the operands must be assignable one way, and
// then the operator must be defined on each, the error at the operand at fault.

type I interface{ Method() }

func main() {
	var e interface{}
	var i I
	var n int
	var f func()
	var c complex128
	_ = e == n
	_ = e >= n // ERROR "invalid operation: e >= n \(operator >= not defined on interface\)"
	_ = n >= e // ERROR "invalid operation: n >= e \(operator >= not defined on interface\)"
	_ = i == n // ERROR "invalid operation: i == n \(mismatched types I and int\)"
	_ = i == 1 // ERROR "cannot convert 1 \(untyped int constant\) to interface{Method\(\)}"
	_ = 1 >= e // ERROR "invalid operation: 1 >= e \(operator >= not defined on interface\)"
	_ = e == f // ERROR "invalid operation: e == f \(func can only be compared to nil\)"
	_ = f == e // ERROR "invalid operation: f == e \(func can only be compared to nil\)"
	_ = c < 2i // ERROR "invalid operation: c < 2i \(operator < not defined on complex128\)"
}
