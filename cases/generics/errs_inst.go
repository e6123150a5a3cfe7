// errorcheck

// Generic functions and types used without instantiation or with the wrong number
// of type arguments.

package main

func Sum[T int | float64](xs ...T) T { var s T; return s }

type List[T any] struct{ v T }

type Pair[K comparable, V any] struct{}

func main() {
	_ = Sum               // ERROR "cannot use generic function Sum without instantiation"
	f := Sum              // ERROR "cannot use generic function Sum without instantiation"
	_ = f
	var l List            // ERROR "cannot use generic type List\[T any\] without instantiation"
	_ = l
	_ = Sum[int, int]     // ERROR "got 2 type arguments but want 1"
	var x List[int, int]  // ERROR "got 2 arguments but 1 type parameters"
	_ = x
	var p Pair[int]       // ERROR "got 1 arguments but 2 type parameters"
	_ = p
}
