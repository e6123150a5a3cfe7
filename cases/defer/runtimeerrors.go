// run

package main

import "fmt"

type T struct{ x int }

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			fmt.Println(name, "->", e.Error())
		} else {
			fmt.Println(name, "->", r)
		}
	}()
	f()
}

func main() {
	a := []int{1, 2, 3}
	i := 5
	try("index", func() { _ = a[i] })
	try("slice", func() { _ = a[1:i] })
	var p *T
	try("nil", func() { _ = p.x })
	z := 0
	try("div", func() { _ = 1 / z })
	var e interface{} = "s"
	try("assert", func() { _ = e.(int) })
	var m map[string]int
	try("nilmap", func() { m["a"] = 1 })
	try("custom", func() { panic(fmt.Sprintf("v=%d", 3)) })
	fmt.Println("done")
}
