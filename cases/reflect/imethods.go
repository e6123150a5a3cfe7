// run

// An interface type's non-exported methods are qualified by their package's name in
// reflect's type strings, %T and interface conversion panics, as gc writes them;
// struct fields and exported methods are not.

package main

import (
	"errors"
	"fmt"
	"reflect"
)

type T struct{}

func (T) m()      {}
func (T) M(x int) {}

type local interface {
	m()
	String() string
}

func main() {
	var p *interface {
		m()
		M(int)
	}
	fmt.Printf("%T\n", p)
	fmt.Println(reflect.TypeOf(p).Elem(), reflect.TypeOf(p).Elem().NumMethod())
	fmt.Printf("%T\n", []interface{ local }{})
	fmt.Printf("%T\n", map[string]interface{ error }{})
	fmt.Printf("%T\n", struct{ x interface{ m() } }{})
	fmt.Printf("%T\n", func(interface{ m() }) {})
	var e interface{} = T{}
	_, ok := e.(interface{ m() })
	fmt.Println(ok)
	defer func() { fmt.Println(recover()) }()
	e = errors.New("x")
	_ = e.(interface {
		error
		m()
	})
}
