// run

// reflect.DeepEqual as gc defines it: types first, then element by element; nil and
// empty differ; cyclic values terminate; funcs are equal only when both nil.
package main

import (
	"fmt"
	"reflect"
)

type Node struct {
	V    int
	Next *Node
}

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

func main() {
	a := &Node{V: 1}
	a.Next = a
	b := &Node{V: 1}
	b.Next = b
	var nilf func()
	var err1, err2 error = &E{"x"}, &E{"x"}
	cases := [][2]any{
		{1, 1}, {1, int64(1)}, {"a", "a"}, {[]int{1, 2}, []int{1, 2}}, {[]int{}, []int(nil)},
		{[]int(nil), []int(nil)}, {map[string][]int{"a": {1}}, map[string][]int{"a": {1}}},
		{map[string]int{"a": 1}, map[string]int{"b": 1}}, {[2]any{1, "x"}, [2]any{1, "x"}},
		{a, b}, {Node{V: 2}, Node{V: 2}}, {Node{V: 2}, Node{V: 3}}, {nilf, nilf},
		{main, main}, {err1, err2}, {&E{"x"}, &E{"y"}}, {nil, nil}, {nil, 0},
		{[]any{1.5, nil}, []any{1.5, nil}}, {struct{ a []byte }{[]byte("q")}, struct{ a []byte }{[]byte("q")}},
	}
	for i, c := range cases {
		fmt.Println(i, reflect.DeepEqual(c[0], c[1]))
	}
}
