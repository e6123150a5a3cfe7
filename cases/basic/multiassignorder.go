// run

// An assignment of several values evaluates the index operands on its left
// first, then the values, then assigns left to right: an element's bounds
// check, like a nil map's insertion, comes at its own assignment, after the
// assignments to its left are done.

package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panicked:", r)
		}
	}()
	f()
}

func idx(n int) int { fmt.Println("idx", n); return n }

func main() {
	m := map[int]int{}
	var s []int
	try("map then slice", func() { m[1], s[idx(2)] = 10, 20 })
	fmt.Println(len(m), m[1])

	a := [3]int{}
	i := 5
	try("var then array", func() { m[2], a[i] = 30, 40 })
	fmt.Println(len(m), m[2], a)

	x := 0
	try("var then slice", func() { x, s[0] = 7, 8 })
	fmt.Println(x)

	t := []int{1, 2, 3}
	try("header saved", func() { t[2], t = 9, nil })
	fmt.Println(t == nil)

	u := []int{1, 2, 3}
	j := 0
	u[j], j = 5, 2
	fmt.Println(u, j)
	j, u[j] = 1, 6
	fmt.Println(u, j)
	u[0], u[2] = u[2], u[0]
	fmt.Println(u)

	var nm map[string]int
	y := 0
	try("nil map first", func() { nm["a"], y = 1, 2 })
	fmt.Println(y)
	try("slice then nil map", func() {
		w := []int{0}
		w[0], nm["b"] = 3, 4
		fmt.Println(w)
	})
	var arr [2]struct{ v int }
	k := 3
	try("array field", func() { x, arr[k].v = 11, 12 })
	fmt.Println(x)
}
