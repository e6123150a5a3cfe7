// run

// Two function-local types named T are distinct types with distinct descriptors;
// a failed assertion between them says they come from different scopes.

package main

import "fmt"

type T struct{}

var x interface{}

func set() {
	type T struct{}
	x = T{}
}

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	set()
	try(func() {
		type T struct{}
		_ = x.(T)
	})
	try(func() { _ = x.(T) })
	try(func() { _ = x.(int) })
	x = T{}
	_, ok := x.(T)
	fmt.Println(ok)
}
