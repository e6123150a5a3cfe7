// run

// Recursion through generic types: a binary search tree of *Tree[T] nodes,
// recursive generic functions, and a type mentioning its own instance.

package main

import "fmt"

type Tree[T interface{ ~int | ~string }] struct {
	left, right *Tree[T]
	val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{val: v}
	}
	if v < t.val {
		t.left = t.left.Insert(v)
	} else {
		t.right = t.right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.left.Walk(f)
	f(t.val)
	t.right.Walk(f)
}

func Depth[T interface{ ~int | ~string }](t *Tree[T]) int {
	if t == nil {
		return 0
	}
	l, r := Depth(t.left), Depth(t.right)
	if l > r {
		return l + 1
	}
	return r + 1
}

type Chain[T any] struct {
	v    T
	rest []Chain[T]
}

func Count[T any](c Chain[T]) int {
	n := 1
	for _, r := range c.rest {
		n += Count(r)
	}
	return n
}

func Fact[T ~int | ~int64](n T) T {
	if n <= 1 {
		return 1
	}
	return n * Fact(n-1)
}

func main() {
	var t *Tree[int]
	for _, v := range []int{5, 2, 8, 1, 9, 3} {
		t = t.Insert(v)
	}
	t.Walk(func(v int) { fmt.Print(v, " ") })
	fmt.Println(Depth(t))
	var s *Tree[string]
	s = s.Insert("m").Insert("a").Insert("z")
	s.Walk(func(v string) { fmt.Print(v) })
	fmt.Println()
	c := Chain[string]{"a", []Chain[string]{{"b", nil}, {"c", []Chain[string]{{"d", nil}}}}}
	fmt.Println(Count(c), Fact(10), Fact(int64(20)))
}
