// errorcheck

// A generic body is checked once, with each type parameter standing for its type
// set, whether or not anything instantiates it.

package main

type Stringer interface{ String() string }

type Num interface{ ~int | ~float64 }

func toInt[T any](x T) int {
	var i int = x // ERROR "cannot use x \(variable of type T constrained by any\) as type int in variable declaration"
	return i
}

func less[T any](x, y T) bool {
	return x < y // ERROR "invalid operation: x < y \(type parameter T is not comparable with <\)"
}

func name[T Stringer](x T) string {
	return x.Name() // ERROR "x.Name undefined \(type T has no field or method Name\)"
}

func asString[T Num](x T) string {
	return x // ERROR "cannot use x \(variable of type T constrained by Num\) as type string in return statement"
}

func one[T any](x T) T {
	return 1 // ERROR "cannot use 1 \(untyped int constant\) as T value in return statement"
}

func rem[T Num](x, y T) T {
	return x % y // ERROR "invalid operation: operator % not defined on x \(variable of type T constrained by Num\)"
}

func sum[T any](x T) T {
	return x + x // ERROR "invalid operation: operator \+ not defined on x \(variable of type T constrained by any\)"
}

type Box[T any] struct{ v T }

func (b *Box[T]) Int() int {
	return b.v // ERROR "cannot use b.v \(variable of type T constrained by any\) as type int in return statement"
}

func first[S ~[]E, E any](s S) int {
	return s[0] // ERROR "cannot use s\[0\] \(variable of type E constrained by any\) as type int in return statement"
}

func main() {}
