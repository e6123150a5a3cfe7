// errorcheck -lang=go1.17

// Before Go 1.18 an interface may not embed a non-interface type; after the
// error the element is dropped, so the interface is an ordinary one.

package main

type I interface {
	int // ERROR "embedding non-interface type int requires go1.18 or later"
	M()
}

type T struct{}

func (T) M() {}

func f() I { return T{} }

func main() { _ = f() }
