// errorcheckwithauto -0 -l -live
// refgo-only: refgo passes arguments on the stack (gc 1.19 uses registers, and reports their spill slots)

// Empty and non-empty interfaces are two words each, of which only the data word is a
// pointer to gc (its type or itab word points to data never freed): a parameter is
// named whole (x), a local by its data word (x.data). f9 is the seed's pattern as Go
// 1.19's test/live.go has it: y escapes (i9 = y), so building it must call convT
// (gc 1.19's allocator for a value with pointers; a complex128 goes to convTnoptr),
// while x stays live across the call for the comparison after it. The seed's own line
// (a constant 99.0i, expecting "live at call to convT2E: x.data x.type") was rewritten
// in Go's tree for the two changes gc made since and refgo follows: a constant's data
// word is read-only data (no call), and a type word is not reported live. At f1's
// convTnoptr gc also lists one .autotmp_N live (in both ABIs); refgo does not.

package main

var i9 interface{}

func h() {}

type I interface{ M() }

type T struct{ a, b int }

func (T) M() {}

func f1(x interface{}, c complex128) bool { // ERROR "live at entry to f1: x$"
	y := interface{}(c) // ERROR "live at call to convTnoptr: x$"
	i9 = y
	return x != y
}

func f2(x I) { // ERROR "live at entry to f2: x$"
	h() // ERROR "live at call to h: x$"
	x.M() // ERROR "live at indirect call: x$"
	x.M()
	h()
}

func f3(x I, e interface{}) { // ERROR "live at entry to f3: x e$"
	x.M() // ERROR "live at indirect call: e$"
	i9 = e
}

func f4(t T) I {
	var i I = t
	h() // ERROR "live at call to h: i.data$"
	return i
}

func g8() {}

func g18() [2]string { return [2]string{"a", "b"} }

func f9() bool {
	g8()
	x := i9
	y := interface{}(g18()) // ERROR "live at call to convT: x.data$" "live at call to g18: x.data$" "stack object .autotmp_[0-9]+ \[2\]string$"
	i9 = y                  // make y escape so the line above has to call convT
	return x != y
}

func main() {
	f1(nil, 99.0i)
	f2(T{})
	f3(T{}, nil)
	f4(T{})
	f9()
}
