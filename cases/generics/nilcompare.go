// run

// A type parameter's value compares with nil when every type in its type set does.

package main

import "fmt"

type PathParams[T ~map[string]string | ~[]struct{ key, value string }] struct {
	t T
}

func (pp *PathParams[T]) IsNil() bool { return pp.t == nil }

func isNil[T ~map[string]int](x T) bool { return x == nil || nil == x }

func nilPtr[P ~*E, E any](p P) bool { return p != nil }

func nilFunc[F ~func() int](f F) int {
	if f == nil {
		return -1
	}
	return f()
}

func main() {
	var a PathParams[map[string]string]
	b := PathParams[[]struct{ key, value string }]{t: []struct{ key, value string }{{"k", "v"}}}
	fmt.Println(a.IsNil(), b.IsNil())
	fmt.Println(isNil(map[string]int(nil)), isNil(map[string]int{}))
	x := 3
	fmt.Println(nilPtr(&x), nilPtr[*int](nil))
	fmt.Println(nilFunc[func() int](nil), nilFunc(func() int { return 7 }))
}
