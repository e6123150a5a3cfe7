// errorcheckwithauto -0 -l -live
// refgo-only: refgo passes arguments on the stack (gc 1.19 uses registers, and reports their spill slots)

// Struct and array variables are tracked word by word: a parameter is live while any
// of its pointer words is still to be read, and is named whole, as gc names it.

package main

type T struct {
	a *int
	n int
	s string
	b *int
}

type U struct {
	t T
	p [2]*int
}

func h() {}

var sink *int
var ssink string

func f1(t T) { // ERROR "live at entry to f1: t$"
	h() // ERROR "live at call to h: t$"
	sink = t.a
	h() // ERROR "live at call to h: t$"
	ssink = t.s
	h() // ERROR "live at call to h: t$"
	sink = t.b
}

func f2(u U) { // ERROR "live at entry to f2: u$"
	h() // ERROR "live at call to h: u$"
	sink = u.t.b
	sink = u.p[1]
}

func main() {
	f1(T{})
	f2(U{})
}
