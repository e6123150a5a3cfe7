// run

// Embedding instances of generic types in structs (value and pointer), promoted
// methods and fields, and satisfying interfaces through them.

package main

import "fmt"

type Counter[K comparable] struct {
	counts map[K]int
}

func (c *Counter[K]) Inc(k K) int {
	if c.counts == nil {
		c.counts = map[K]int{}
	}
	c.counts[k]++
	return c.counts[k]
}

type Named[T any] struct {
	Name string
	Val  T
}

func (n Named[T]) String() string { return fmt.Sprintf("%s=%v", n.Name, n.Val) }

type WordStats struct {
	*Counter[string]
	label string
}

type Labeled[T any] struct {
	Named[T]
	extra int
}

func main() {
	w := WordStats{&Counter[string]{}, "words"}
	for _, s := range []string{"a", "b", "a"} {
		w.Inc(s)
	}
	fmt.Println(w.label, w.counts["a"], w.Inc("b"))
	l := Labeled[float64]{Named[float64]{"pi", 3.14}, 1}
	fmt.Println(l.Name, l.Val, l.extra)
	var s fmt.Stringer = l
	fmt.Println(s.String(), l)
}
