// run

// Misusing reflect panics with gc's words: wrong kind, unaddressable or unexported
// values, bad calls.
package main

import (
	"fmt"
	"reflect"
)

type T struct {
	A int
	b int
}

func (T) M(int) int { return 0 }

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(*reflect.ValueError); ok {
			fmt.Println(name, "ValueError:", e.Method, e.Kind, "|", e)
			return
		}
		fmt.Println(name, "|", r)
	}()
	f()
}

func main() {
	t := T{}
	try("Int on string", func() { reflect.ValueOf("s").Int() })
	try("Len on int", func() { reflect.ValueOf(1).Len() })
	try("zero Value", func() { reflect.Value{}.Type() })
	try("Elem of int", func() { reflect.ValueOf(1).Elem() })
	try("unaddressable", func() { reflect.ValueOf(1).SetInt(2) })
	try("unexported", func() { reflect.ValueOf(&t).Elem().Field(1).SetInt(2) })
	try("Interface of unexported", func() { reflect.ValueOf(t).Field(1).Interface() })
	try("too few", func() { reflect.ValueOf(t).Method(0).Call(nil) })
	try("too many", func() {
		reflect.ValueOf(t).Method(0).Call([]reflect.Value{reflect.ValueOf(1), reflect.ValueOf(2)})
	})
	try("wrong type", func() { reflect.ValueOf(t).Method(0).Call([]reflect.Value{reflect.ValueOf("x")}) })
	try("Set wrong type", func() { reflect.ValueOf(&t).Elem().Field(0).Set(reflect.ValueOf("x")) })
	try("index", func() { reflect.ValueOf([]int{1}).Index(3) })
	try("Field of non-struct", func() { reflect.TypeOf(1).Field(0) })
	try("NumIn", func() { reflect.TypeOf(1).NumIn() })
	try("nil map", func() {
		var m map[int]int
		reflect.ValueOf(m).SetMapIndex(reflect.ValueOf(1), reflect.ValueOf(1))
	})
}
