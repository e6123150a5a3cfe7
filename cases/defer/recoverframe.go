// run

// recover() stops a panic only when called directly by the deferred function
// the panic runs (through the wrappers of a deferred call with arguments, of a
// method value or of a value method called through an interface, as gc's
// wrappers allow); `defer recover()` takes the deferring function's frame when
// the defer statement runs.

package main

import "fmt"

func helper() interface{} { return recover() }

func direct(tag string) {
	fmt.Println(tag, "helper:", helper(), "direct:", recover())
}

type V int

func (v V) M() { direct(fmt.Sprint("value method ", int(v))) }

type P struct{ n int }

func (p *P) M() { fmt.Println("pointer method", p.n, recover()) }

type I interface{ M() }

func run(name string, f func()) {
	defer func() { fmt.Println(name, "left:", recover()) }()
	f()
}

func main() {
	run("closure", func() {
		defer func() { direct("closure") }()
		defer func() { fmt.Println("closure direct", recover()) }()
		panic(1)
	})
	run("args", func() {
		defer direct("args")
		panic(2)
	})
	run("iface value", func() {
		var i I = V(3)
		defer i.M()
		panic(3)
	})
	run("iface pointer", func() {
		var i I = &P{4}
		defer i.M()
		panic(4)
	})
	run("method value", func() {
		f := V(5).M
		defer f()
		panic(5)
	})
	run("defer recover", func() {
		defer func() {
			defer recover()
		}()
		panic(6)
	})
	run("defer recover no-op", func() {
		defer func() {
			fmt.Println("outer got", recover())
		}()
		defer func() {
			defer func() { fmt.Println("inner got", recover()) }()
			defer recover()
			panic(8)
		}()
		panic(7)
	})
	run("nested", func() {
		defer func() {
			defer func() { fmt.Println("nested inner", recover()) }()
			panic(10)
		}()
		panic(9)
	})
	run("not deferred", func() {
		defer func() {
			func() { fmt.Println("called", recover()) }()
		}()
		panic(11)
	})
}
