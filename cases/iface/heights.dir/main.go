package main

import (
	"fmt"
	"reflect"

	"./a"
	"./b"
)

type both struct {
	a.A
	b.B
}

type all interface {
	a.I
	b.I
	m() string
}

type three struct{ both }

func (three) m() string { return "main.m" }

func main() {
	var p *interface {
		a.I
		b.I
	}
	fmt.Printf("%T\n", p)
	fmt.Printf("%T\n", []interface {
		all
	}{})
	it := reflect.TypeOf(p).Elem()
	for i := 0; i < it.NumMethod(); i++ {
		m := it.Method(i)
		fmt.Println(i, m.Name, m.PkgPath, m.Type)
	}
	var e interface{} = both{}
	x, ok := e.(interface {
		a.I
		b.I
	})
	fmt.Println(ok, a.Call(x), b.Call(x))
	fmt.Println(reflect.TypeOf(e).Implements(it))
	e = three{}
	y, ok := e.(all)
	fmt.Println(ok, a.Call(y), b.Call(y), y.m())
	_, ok = interface{}(a.A{}).(interface {
		a.I
		b.I
	})
	fmt.Println(ok, reflect.TypeOf(a.A{}).Implements(it))
	defer func() { fmt.Println(recover()) }()
	_ = interface{}(b.B{}).(all)
}
