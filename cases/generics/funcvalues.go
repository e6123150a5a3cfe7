// run

// Instances as function values: stored, compared with nil, passed, returned,
// and the same instance from several places is one function.

package main

import "fmt"

func Max[T int | float64 | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Fold[T any](xs []T, f func(T, T) T) T {
	acc := xs[0]
	for _, x := range xs[1:] {
		acc = f(acc, x)
	}
	return acc
}

func pick[T int | float64 | string]() func(T, T) T { return Max[T] }

var table = map[string]func(int, int) int{
	"max": Max[int],
	"sum": func(a, b int) int { return a + b },
}

func main() {
	fmt.Println(Fold([]int{3, 9, 2}, Max[int]), Fold([]string{"b", "c", "a"}, Max[string]))
	fmt.Println(Fold([]int{3, 9, 2}, table["sum"]), table["max"](4, -4))
	f := pick[float64]()
	fmt.Println(f(1.5, 2.5), f != nil)
	var g func(string, string) string = Max[string]
	fmt.Println(g("x", "y"))
	fmt.Printf("%T %T\n", f, Max[int])
}
