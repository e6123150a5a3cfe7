// run

// Zero values of type parameters, *new(T), and comparisons against them.

package main

import "fmt"

func Zero[T any]() T {
	var z T
	return z
}

func New[T any]() *T { return new(T) }

func IsZero[T comparable](x T) bool {
	var z T
	return x == z
}

func Or[T comparable](xs ...T) T {
	var z T
	for _, x := range xs {
		if x != z {
			return x
		}
	}
	return z
}

type pt struct{ x, y int }

func main() {
	fmt.Printf("%v %q %v %v %v\n", Zero[int](), Zero[string](), Zero[*int]() == nil,
		Zero[[]int]() == nil, Zero[pt]())
	p := New[pt]()
	p.x = 3
	fmt.Println(*p, *New[float64]())
	fmt.Println(IsZero(0), IsZero("x"), IsZero(pt{}), IsZero(pt{1, 0}))
	fmt.Println(Or("", "", "c", "d"), Or(0, 7), Or[*int]() == nil)
}
