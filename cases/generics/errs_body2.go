// errorcheck

// Operations a type parameter's type set does not allow, in generic bodies nothing
// instantiates; an instantiated body's error is reported once.

package main

func eq[T any](x, y T) bool {
	return x == y // ERROR "invalid operation: x == y \(incomparable types in type set\)"
}

func kind[T any](x T) string {
	switch x.(type) { // ERROR "cannot use type switch on type parameter value x \(variable of type T constrained by any\)"
	}
	return ""
}

func assert[T any](x T) int {
	return x.(int) // ERROR "invalid operation: cannot use type assertion on type parameter value x \(variable of type T constrained by any\)"
}

func diff[T ~int | ~string](x, y T) T {
	return x - y // ERROR "invalid operation: operator - not defined on x \(variable of type T constrained by ~int\|~string\)"
}

func isNil[T any](x T) bool {
	return x == nil // ERROR "invalid operation: x == nil \(mismatched types T and untyped nil\)"
}

func call[T any](x T) {
	x.M() // ERROR "x.M undefined \(type T has no field or method M\)"
}

func neg[T ~string](x T) T {
	return -x // ERROR "invalid operation: operator - not defined on x \(variable of type T constrained by ~string\)"
}

func unused[T any]() {
	x := 1 // ERROR "x declared but not used"
}

func twice[T any](x T) int {
	return x // ERROR "cannot use x \(variable of type T constrained by any\) as type int in return statement"
}

var _ = twice[int]
var _ = twice(1.5)

func main() {}
