// run

// Instances of generic types as map keys and in equality, with %v and %T.

package main

import "fmt"

type Pair[K comparable, V comparable] struct {
	k K
	v V
}

type ID[T any] int

func Index[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

func main() {
	m := map[Pair[string, int]]bool{}
	m[Pair[string, int]{"a", 1}] = true
	m[Pair[string, int]{"b", 2}] = true
	fmt.Println(m[Pair[string, int]{"a", 1}], m[Pair[string, int]{"a", 2}], len(m))

	ids := map[any]string{}
	ids[ID[int](1)] = "int"
	ids[ID[string](1)] = "string"
	ids[1] = "plain"
	fmt.Println(len(ids), ids[ID[int](1)], ids[ID[string](1)], ids[1])

	ps := []Pair[int, float64]{{1, 1.5}, {2, 2.5}}
	fmt.Println(Index(ps, Pair[int, float64]{2, 2.5}), Index(ps, Pair[int, float64]{3, 0}))
	fmt.Println(Index([]string{"x", "y"}, "y"), Index([]float64{1, 2.5}, 2.5))
	var a, b any = Pair[int, int]{1, 2}, Pair[int, int]{1, 2}
	fmt.Println(a == b)
	fmt.Printf("%T %v\n", ID[bool](3), ID[bool](3))
}
