// errorcheck

// An interface method may not be named _; the method is left out of the
// interface, so nothing has to implement it.

package main

type I interface {
	_() // ERROR "methods must have a unique non-blank name"
	M()
}

type T struct{}

func (T) M() {}

var _ I = T{}

func main() {}
