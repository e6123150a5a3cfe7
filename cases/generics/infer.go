// run

// Inference corners: untyped constants default, typed arguments win over untyped
// ones, named slice types through core types, partial explicit arguments.

package main

import "fmt"

func Ident[T any](x T) T { return x }

func Add[T int | float64 | string](a, b T) T { return a + b }

func Scale[S ~[]E, E int | float64](s S, c E) S {
	out := make(S, len(s))
	for i, v := range s {
		out[i] = v * c
	}
	return out
}

type Vec []float64

func First[T any, U any](t T, u U) T { return t }

func Convert[To, From int | int64 | float64](f From) To { return To(f) }

func Keys[M ~map[K]V, K comparable, V any](m M) int { return len(m) }

type Ages map[string]int

func main() {
	fmt.Printf("%T %T %T %T\n", Ident(1), Ident(1.5), Ident('x'), Ident("s"))
	fmt.Printf("%T %v\n", Ident(1+2i), Ident(1+2i))
	fmt.Println(Add(1, 2), Add(1.5, 2.5), Add("a", "b"))
	var x float64 = 2
	fmt.Println(Add(x, 1))
	v := Scale(Vec{1, 2}, 3)
	fmt.Printf("%v %T\n", v, v)
	fmt.Printf("%v %T\n", Scale([]int{1, 2}, 2), Scale([]int{1, 2}, 2))
	fmt.Println(First[string]("a", 1), Convert[int](2.9), Convert[float64, int64](3))
	fmt.Println(Keys(Ages{"a": 1, "b": 2}))
}
