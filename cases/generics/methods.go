// run

// Methods on generic types: value and pointer receivers, receiver parameter names
// different from the declaration's, method values and method expressions.

package main

import "fmt"

type Box[T any] struct{ v T }

func (b Box[T]) Get() T       { return b.v }
func (b *Box[U]) Set(v U)     { b.v = v }
func (b Box[X]) String() string { return fmt.Sprintf("Box(%v)", b.v) }

type Pair[A, B any] struct {
	a A
	b B
}

func (p Pair[A, B]) Swap() Pair[B, A] { return Pair[B, A]{p.b, p.a} }

func MakePair[A, B any](a A, b B) Pair[A, B] { return Pair[A, B]{a, b} }

func main() {
	b := Box[int]{1}
	b.Set(42)
	fmt.Println(b.Get(), b)
	get := b.Get
	b.Set(7)
	fmt.Println(get(), b.Get())
	set := (*Box[int]).Set
	set(&b, 9)
	fmt.Println(Box[int].Get(b))

	p := MakePair("one", 1)
	q := p.Swap()
	fmt.Printf("%v %T\n", q, q)
	fmt.Printf("%v %T\n", q.Swap(), q.Swap())
	var s fmt.Stringer = Box[string]{"hi"}
	fmt.Println(s.String())
}
