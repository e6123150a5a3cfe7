// errorcheck

// More misuses of generics.

package main

type List[T any] struct{ v T }

func (l List) Bad() {} // ERROR "cannot use generic type List\[T any\] without instantiation"

func F[T any](x T) {}

func main() {
	var f func(int) = F[int]
	f(1)
	var g = F[string, int] // ERROR "got 2 type arguments but want 1"
	_ = g
}
