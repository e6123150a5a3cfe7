// errorcheck -0 -m -l

// Value-to-interface conversions: whether the interface built for a value may live on
// the stack (the seed optimization) depends on where the converted value flows.

package main

type T struct{ a, b int }

type I interface{ M() int }

func (t T) M() int { return t.a }

type Big struct{ a [250]int }

var sink interface{}
var isink I

//go:noinline
func i2int(i interface{}) int { // ERROR "i does not escape$"
	return i.(int)
}

//go:noinline
func keep(i interface{}) { // ERROR "leaking param: i$"
	sink = i
}

func toResult(n int) interface{} {
	return n // ERROR "n escapes to heap$"
}

func toResultI(t T) I {
	return t // ERROR "t escapes to heap$"
}

func throughNoinline(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i2int(i) // ERROR "i does not escape$"
	}
	return s + i2int(n) // ERROR "n does not escape$"
}

func throughLeakingCall(n int) {
	keep(n) // ERROR "n escapes to heap$"
}

func intoGlobal(n int, t T) {
	sink = n // ERROR "n escapes to heap$"
	isink = t // ERROR "t escapes to heap$"
}

func explicitConv(n int) int {
	e := interface{}(n) // ERROR "\(interface \{\}\)\(n\) does not escape$"
	f := interface{}(n + 1) // ERROR "\(interface \{\}\)\(n \+ 1\) escapes to heap$"
	sink = f
	return e.(int)
}

func loopOuterVar(n int) interface{} {
	var e interface{}
	for i := 0; i < n; i++ {
		e = i // ERROR "i escapes to heap$"
	}
	return e
}

func loopInnerVar(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		e := interface{}(i) // ERROR "\(interface \{\}\)\(i\) does not escape$"
		s += e.(int)
	}
	return s
}

func pointerShaped(p *T, m map[int]int) { // ERROR "leaking param: p$" "leaking param: m$"
	sink = p
	sink = m
}

func bigValue(b Big) int {
	var e interface{} = b // ERROR "b does not escape$"
	return e.(Big).a[0]
}

func constants() {
	keep(1) // ERROR "1 escapes to heap$"
	keep("str") // ERROR "\x22str\x22 escapes to heap$"
	_ = i2int(2) // ERROR "2 does not escape$"
}

func methodThroughInterface(i I) int { // ERROR "leaking param: i$"
	return i2int(i.M()) // ERROR "i\.M\(\) does not escape$"
}

func convertForMethod(t T) int {
	return methodThroughInterface(t) // ERROR "t escapes to heap$"
}

func intoClosure(n int) func() interface{} {
	e := interface{}(n) // ERROR "\(interface \{\}\)\(n\) escapes to heap$"
	return func() interface{} { // ERROR "func literal escapes to heap$"
		return e
	}
}

func closureLocal(n int) int {
	f := func(x int) int { // ERROR "func literal does not escape$"
		return i2int(x) // ERROR "x does not escape$"
	}
	return f(n)
}

func compare(e interface{}, n int) bool { // ERROR "e does not escape$"
	return e == n
}

func switchCompare(e interface{}, n int) int { // ERROR "e does not escape$"
	switch e {
	case 1:
		return 1
	case n:
		return 2
	}
	return 0
}

func main() {}
