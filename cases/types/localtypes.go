// run

// Local types named alike in different functions are distinct types with distinct
// descriptors, itabs and method wrappers, yet all print as main.T.

package main

import "fmt"

type Base struct{ name string }

func (b Base) Name() string { return b.name }

func (b *Base) Rename(s string) { b.name = s }

type Namer interface{ Name() string }

type Renamer interface {
	Namer
	Rename(string)
}

func first() Namer {
	type T struct {
		Base
		n int
	}
	return T{Base{"first"}, 1}
}

func second() Renamer {
	type T struct {
		n int
		Base
	}
	return &T{2, Base{"second"}}
}

func third() interface{} {
	type T int
	return T(3)
}

func fourth() Namer {
	type T struct {
		Base
		n int
	}
	return T{Base{"first"}, 1}
}

func main() {
	a := first()
	b := second()
	c := third()
	b.Rename("second renamed")
	println(a.Name(), b.Name())
	fmt.Printf("%T %T %T\n", a, b, c)
	fmt.Printf("%v %v\n", a, c)
	var x interface{} = a
	_, isB := x.(Renamer)
	println(isB, x == interface{}(c))
	d := fourth()
	println(a == first(), a == d, d.Name())
	fmt.Printf("%T %v\n", d, d)
	defer func() {
		r := recover()
		fmt.Printf("recovered: %T %v\n", r, r)
	}()
	panic(c)
}
