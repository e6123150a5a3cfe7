// errorcheck

// An instance with the wrong number of type arguments is still a type (with an
// invalid underlying type) where it is written.

package main

type Fn[A, B any] func() int

type S[A, B any] struct{ f int }

func g[T any](f Fn[T], s *S[T]) int { // ERROR "got 1 arguments but 2 type parameters"
	return f() + // ERROR "invalid operation: cannot call non-function f \(variable of type Fn\[T\]\)"
		s.f // ERROR "s.f undefined \(type \*S\[T\] has no field or method f\)"
}

func main() {}
