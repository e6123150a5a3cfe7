// run

// Parameters of array type next to instantiated parameter types: `a [8]int` is a
// name and an array type, `c List[int]` a name and an instance, `List[int]` alone
// an unnamed instance parameter.

package main

import "fmt"

type List[T any] struct{ v T }

func sum(a [8]int, b [2][3]int, c List[int], d [2]List[int], e List[[2]int]) int {
	return a[0] + b[1][2] + c.v + d[1].v + e.v[1]
}

func unnamed(List[int], [3]int) (r [2]int, l List[string]) {
	return [2]int{1, 2}, List[string]{"x"}
}

func main() {
	fmt.Println(sum([8]int{1}, [2][3]int{{}, {0, 0, 2}}, List[int]{3}, [2]List[int]{{}, {4}},
		List[[2]int]{[2]int{0, 5}}))
	r, l := unnamed(List[int]{}, [3]int{})
	fmt.Println(r, l)
}
