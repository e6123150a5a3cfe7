// run

// A type argument's methods satisfy a constraint in a type declaration even though
// methods are declared after types.

package main

import "fmt"

type Lener interface{ Len() int }

type Sized[T Lener] struct{ v T }

func (s Sized[T]) Size() int { return s.v.Len() * 2 }

type Pair Sized[Str]

type Str string

func (s Str) Len() int { return len(s) }

type Holder struct {
	s Sized[Str]
}

func main() {
	h := Holder{Sized[Str]{"abc"}}
	fmt.Println(h.s.Size())
	p := Pair{"hello"}
	fmt.Println(len(p.v), Sized[Str](p).Size())
	fmt.Printf("%T %v\n", h.s, p)
}
