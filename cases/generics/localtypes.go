// run

// Generic types declared inside (non-generic) functions: instances print as
// their package-level spelling, and local instances work in interfaces and as map
// keys. (x == y is not printed: gc 1.19 takes the two functions' X[int] for one
// type, where refgo, as the spec says, keeps them distinct.)

package main

import "fmt"

func a() any {
	type X[T any] struct{ v T }
	return X[int]{1}
}

func b() any {
	type X[T any] struct{ v T }
	return X[int]{1}
}

func main() {
	x, y := a(), b()
	fmt.Println(x, y)
	fmt.Printf("%T %T\n", x, y)
	type pair[K comparable, V any] struct {
		k K
		v V
	}
	m := map[pair[string, int]]bool{{"a", 1}: true}
	fmt.Println(m[pair[string, int]{"a", 1}], m[pair[string, int]{"a", 2}])
	var i any = pair[int, int]{1, 2}
	_, ok := i.(pair[int, int])
	fmt.Println(ok)
}
