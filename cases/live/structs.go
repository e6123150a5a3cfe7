// errorcheckwithauto -0 -l -live
// refgo-only: 2016-style liveness names (t.a, t.s.ptr; gc 1.19 prints t)

// Struct and array variables are tracked word by word and named by field path: only
// the pointer words still to be read are live.

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

func f1(t T) { // ERROR "live at entry to f1: t.a t.b t.s.ptr$"
	h() // ERROR "live at call to h: t.a t.b t.s.ptr$"
	sink = t.a
	h() // ERROR "live at call to h: t.b t.s.ptr$"
	ssink = t.s
	h() // ERROR "live at call to h: t.b$"
	sink = t.b
}

func f2(u U) { // ERROR "live at entry to f2: u.p\[1\] u.t.b$"
	h() // ERROR "live at call to h: u.p\[1\] u.t.b$"
	sink = u.t.b
	sink = u.p[1]
}

func main() {
	f1(T{})
	f2(U{})
}
