// run

// Non-escaping slice literals and ... arrays whose elements are constants,
// variables and calls, filled without being cleared first: every element holds
// its own value, calls run before the variables are read (gc's order), a boxed
// value is a copy of its source, and a collection inside a call sees whole arrays.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var sink []*int

//go:noinline
func bump(p *int) int {
	*p += 10
	runtime.GC()
	return *p
}

//go:noinline
func garbage() *int {
	x := new(int)
	*x = 42
	sink = append(sink, x)
	return x
}

//go:noinline
func sum(a ...any) string {
	runtime.GC()
	var b strings.Builder
	for i, v := range a {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprint(&b, v)
	}
	return b.String()
}

//go:noinline
func ptrs(a ...*int) int {
	runtime.GC()
	t := 0
	for _, p := range a {
		if p != nil {
			t += *p
		}
	}
	return t
}

func main() {
	x, s := 1, "s"
	for i := 0; i < 3; i++ {
		fmt.Println(sum(1, "two", 3.5, x, s, bump(&x), 'r', true, nil, i))
		fmt.Println(sum(x, bump(&x), x))
	}
	y := 7
	v := []any{y, "k", 2}
	y = 8
	fmt.Println(v, y)
	a, b := 5, 6
	fmt.Println(ptrs(&a, garbage(), &b, nil), ptrs(nil, &a))
	ints := []int{x, 2, bump(&x), 4}
	fmt.Println(ints, x)
	strs := []string{"a", s + "b", "c"}
	fmt.Println(strs, len(strs), cap(strs))
}
