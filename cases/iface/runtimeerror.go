// run

// The values of the runtime's own panics implement runtime.Error (an interface
// embedding error); a panic with an ordinary error or a string does not.

package main

import (
	"errors"
	"runtime"
)

var (
	zero  int
	nilp  *int
	nilm  map[string]int
	slice             = []int{1, 2}
	e     interface{} = "str"
)

func check(name string, f func()) {
	defer func() {
		v := recover()
		re, ok := v.(runtime.Error)
		_, isErr := v.(error)
		if ok {
			println(name, "runtime.Error:", re.Error())
		} else {
			println(name, "not a runtime.Error; error:", isErr)
		}
	}()
	f()
}

func main() {
	check("index", func() { println(slice[zero+5]) })
	check("divide", func() { println(1 / zero) })
	check("nil map", func() { nilm["a"] = 1 })
	check("assert", func() { println(e.(int)) })
	check("nil deref", func() { println(*nilp) })
	check("errors.New", func() { panic(errors.New("plain")) })
	check("string", func() { panic("s") })
}
