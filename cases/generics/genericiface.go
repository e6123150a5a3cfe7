// run

// Generic interface types, implemented by instances of generic types and by
// ordinary types; calls through them and assertions between them.

package main

import "fmt"

type Getter[T any] interface {
	Get() T
}

type Setter[T any] interface {
	Getter[T]
	Set(T)
}

type Cell[T any] struct{ v T }

func (c *Cell[T]) Get() T  { return c.v }
func (c *Cell[T]) Set(v T) { c.v = v }

type Const int

func (c Const) Get() int { return int(c) }

func Sum[T int | float64](gs ...Getter[T]) T {
	var s T
	for _, g := range gs {
		s += g.Get()
	}
	return s
}

func Bump[T int | float64](s Setter[T]) { s.Set(s.Get() + 1) }

func main() {
	c := &Cell[int]{4}
	Bump[int](c)
	fmt.Println(Sum[int](c, Const(10)))
	var g Getter[float64] = &Cell[float64]{2.5}
	if s, ok := g.(Setter[float64]); ok {
		Bump(s)
	}
	fmt.Println(g.Get())
	var x any = c
	_, ok1 := x.(Getter[int])
	_, ok2 := x.(Getter[string])
	fmt.Println(ok1, ok2)
	fmt.Printf("%T\n", g)
}
