// errorcheck

// An error whose message would mention an invalid type (made invalid by an error
// already reported) is a follow-on and is dropped, as types2 drops it.

package main

type Foo struct{}

func (f *Foo) Call(cb func(*Foo)) {}

func main() {
	f := &Foo{}
	f.Call(func(f) {}) // ERROR "f \(variable of type \*Foo\) is not a type"
	var g func(undefinedT) // ERROR "undefined: undefinedT"
	var h func(int) = g
	_ = h
}
