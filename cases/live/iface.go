// errorcheckwithauto -0 -l -live
// refgo-only: 2016-style liveness names (x.data x.type; gc 1.19 prints x)

// Empty and non-empty interfaces are two words each: `x.data x.type` and
// `x.data x.itab`. The seed's pattern: y escapes (i9 = y), so building it must call
// convT2E, while x stays live across the call for the comparison after it.

package main

var i9 interface{}

func h() {}

type I interface{ M() }

type T struct{ a, b int }

func (T) M() {}

func f1(x interface{}) bool { // ERROR "live at entry to f1: x.data x.type$"
	y := interface{}(99.0i) // ERROR "live at call to convT2E: x.data x.type$"
	i9 = y
	return x != y
}

func f2(x I) { // ERROR "live at entry to f2: x.data x.itab$"
	h() // ERROR "live at call to h: x.data x.itab$"
	x.M() // ERROR "live at indirect call: x.data x.itab$"
	x.M()
	h()
}

func f3(x I, e interface{}) { // ERROR "live at entry to f3: x.data x.itab e.data e.type$"
	x.M() // ERROR "live at indirect call: e.data e.type$"
	i9 = e
}

func f4(t T) I {
	var i I = t
	h() // ERROR "live at call to h: i.data i.itab$"
	return i
}

func main() {
	f1(nil)
	f2(T{})
	f3(T{}, nil)
	f4(T{})
}
