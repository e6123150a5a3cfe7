// run

// Generic named slices, maps and funcs with methods.

package main

import (
	"fmt"
	"sort"
)

type Vec[T any] []T

func (v Vec[T]) Len() int { return len(v) }

func (v *Vec[T]) Push(x T) { *v = append(*v, x) }

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)           { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool      { _, ok := s[v]; return ok }

type Pred[T any] func(T) bool

func (p Pred[T]) Not() Pred[T] { return func(x T) bool { return !p(x) } }

func (v Vec[T]) Where(p Pred[T]) Vec[T] {
	var out Vec[T]
	for _, x := range v {
		if p(x) {
			out.Push(x)
		}
	}
	return out
}

func main() {
	var v Vec[int]
	for i := 0; i < 6; i++ {
		v.Push(i)
	}
	even := Pred[int](func(x int) bool { return x%2 == 0 })
	fmt.Println(v.Len(), v.Where(even), v.Where(even.Not()))
	s := Set[string]{}
	s.Add("a")
	s.Add("b")
	s.Add("a")
	keys := make([]string, 0)
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(len(s), keys, s.Has("b"), s.Has("z"))
	fmt.Printf("%T %T %T\n", v, s, even)
}
