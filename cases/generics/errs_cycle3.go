// errorcheck

// Generic types whose instances are their own underlying types, directly or through
// another generic type, are invalid recursive types (never accepted as empty structs).

package main

type Self[T any] Self[T] // ERROR "invalid recursive type Self"

type A[T any] B[T] // ERROR "invalid recursive type B"
type B[T any] A[T] // ERROR "invalid recursive type A"

type Ok[T any] struct{ next *Ok[T] }

func main() {
	var o Ok[int]
	_ = o
}
