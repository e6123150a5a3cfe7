// errorcheck

// unsafe.Offsetof's argument must select a field reached without going
// through a pointer; types2 words each mistake.

package main

import "unsafe"

type Inner struct{ X int }

type T struct {
	a int
	*Inner
}

func (T) Method() {}

func main() {
	var t T
	p := &t
	_ = unsafe.Offsetof(t.X)      // ERROR "field X is embedded via a pointer in T$"
	_ = unsafe.Offsetof(p.X)      // ERROR "field X is embedded via a pointer in T$"
	_ = unsafe.Offsetof(t.Method) // ERROR "t.Method is a method value"
	_ = unsafe.Offsetof(p.zz)     // ERROR "T has no single field zz"
	_ = unsafe.Offsetof(p.a)
}
