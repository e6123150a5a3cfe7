// run

// Struct tags are part of a struct type's identity: types that differ only
// in tags are distinct map keys and dynamic types, yet convert to each other.
// A tag with quotes and backslashes names a type descriptor too.

package main

import (
	"fmt"
	"reflect"
)

type A struct {
	X int `json:"x"`
}

type B struct {
	X int `json:"y"`
}

func main() {
	var m = map[interface{}]int{
		struct{ X int }{1}:            1,
		struct {
			X int "t"
		}{1}: 2,
	}
	fmt.Println(len(m))
	a := A{3}
	b := B(a)
	fmt.Println(b.X, reflect.TypeOf(b).Field(0).Tag.Get("json"))
	var e interface{} = struct {
		X int `k:"v%d\"q"`
	}{5}
	fmt.Printf("%T %v\n", e, e)
	_, ok := e.(struct{ X int })
	fmt.Println(ok)
	p := &a
	q := (*B)(p)
	fmt.Println(q.X)
}
