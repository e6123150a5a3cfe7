// run

// Map, Filter and Reduce over slices, with inferred and explicit instantiation.

package main

import (
	"fmt"
	"strconv"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func main() {
	xs := []int{1, 2, 3, 4, 5, 6}
	evens := Filter(xs, func(x int) bool { return x%2 == 0 })
	strs := Map(evens, strconv.Itoa)
	fmt.Println(evens, strs, len(strs))
	sum := Reduce(xs, 0, func(a, x int) int { return a + x })
	cat := Reduce(strs, "", func(a string, s string) string { return a + s })
	fmt.Println(sum, cat)
	lens := Map[string, int]([]string{"a", "bb", "ccc"}, func(s string) int { return len(s) })
	fmt.Println(lens)
	f := Reduce[float64, float64]
	fmt.Println(f([]float64{1.5, 2.5}, 1, func(a, x float64) float64 { return a * x }))
}
