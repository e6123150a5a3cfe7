// run

// A slice-backed generic stack instantiated with several element types.

package main

import "fmt"

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s Stack[T]) Len() int { return len(s.items) }

type point struct{ x, y int }

func main() {
	var a Stack[int]
	for i := 0; i < 5; i++ {
		a.Push(i * i)
	}
	for a.Len() > 0 {
		v, _ := a.Pop()
		fmt.Print(v, " ")
	}
	fmt.Println()
	_, ok := a.Pop()
	fmt.Println("empty pop:", ok)

	b := &Stack[string]{}
	b.Push("x")
	b.Push("y")
	s, _ := b.Pop()
	fmt.Println(s, b.Len())

	var c Stack[point]
	c.Push(point{1, 2})
	p, ok := c.Pop()
	fmt.Printf("%v %v %T %T\n", p, ok, c, b)
}
