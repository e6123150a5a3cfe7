// run

// recover sees through the wrappers gc marks as such (the method wrapper (*T).M of a
// value method T.M, a method value's wrapper, a deferred call's wrapper) but not
// through a method someone wrote that calls a method of the same name.
package main

import "fmt"

type U struct{}

func (U) M() { fmt.Println("U.M recovered", recover()) }

type T struct{ u U }

// M calls U.M: U.M is not the deferred call, so its recover returns nil.
//go:noinline
func (t *T) M() { t.u.M() }

type V struct{}

func (V) M() { fmt.Println("V.M recovered", recover()) }

func written() {
	defer func() { fmt.Println("written: outer", recover()) }()
	defer (&T{}).M()
	panic("written")
}

func wrapper() {
	defer func() { fmt.Println("wrapper: outer", recover()) }()
	var i interface{ M() } = &V{}
	defer i.M() // (*V).M, the wrapper of V.M
	panic("wrapper")
}

func methodValue() {
	defer func() { fmt.Println("method value: outer", recover()) }()
	f := V{}.M
	defer f()
	panic("method value")
}

func args() {
	defer func() { fmt.Println("args: outer", recover()) }()
	defer fmt.Println("args", 1) // wrapped with its argument
	defer V{}.M()
	panic("args")
}

func main() {
	written()
	wrapper()
	methodValue()
	args()
}
