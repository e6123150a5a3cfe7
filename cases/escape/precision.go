// errorcheck -0 -m -l

// Decisions of gc's that need more than the plain flow rules: the capacity alone sizes
// make's array, a looping label deepens only the rest of its block, each result of a
// call assigned one by one flows only where it goes (its conversion, made after escape
// analysis by gc, is on the heap and unreported), and an indirection of an indirection
// prints parenthesized. Also: a looping defer's `... argument` is built by its wrapper,
// a map range's value is loaded through the map, bodyless functions leak unless
// //go:noescape, a type switch's pointer-free case variable takes nothing from the
// switched value, constant-false branches are dead, and uintptr arithmetic between
// unsafe.Pointer conversions keeps the pointer.

package main

import "unsafe"

var sink interface{}
var flag bool
var gp *int

func sized(n int) int {
	s := make([]int, n, 4) // ERROR "make\(\[\]int, n, 4\) does not escape$"
	t := make([]int, 4, n) // ERROR "make\(\[\]int, 4, n\) escapes to heap$"
	return len(s) + len(t)
}

func gotoLoop() int {
	var p *int
	if flag {
	loop:
		goto loop
	}
	p = new(int) // ERROR "new\(int\) does not escape$"
	return *p
}

func pair(a, b *int) (*int, *int) { // ERROR "leaking param: a to result ~r0 level=0$" "leaking param: b to result ~r1 level=0$"
	return a, b
}

func spread() {
	i := 0 // ERROR "moved to heap: i$"
	j := 0
	sink, _ = pair(&i, &j)
}

func commaOK(y interface{}) bool { // ERROR "y does not escape$"
	var ok bool
	sink, ok = y.(int)
	return ok
}

func deref2(p **int) { // ERROR "p does not escape$"
	sink = **p // ERROR "\*\(\*p\) escapes to heap$"
}

func show(xs ...interface{}) {} // ERROR "xs does not escape$"

func deferInLoop(n int) {
	for i := 0; i < n; i++ {
		defer show(i) // ERROR "... argument does not escape$" "i escapes to heap$"
	}
}

func rangeMap(m map[*int]*int) *int { // ERROR "leaking param: m to result ~r0 level=1$"
	for _, v := range m {
		return v
	}
	return nil
}

//go:noescape
func keep(p *int) // ERROR "p does not escape$"

func lose(p *int) // ERROR "leaking param: p$"

func typeSwitch(v interface{}) *int { // ERROR "v does not escape$"
	switch x := v.(type) {
	case int: // ERROR "moved to heap: x$"
		return &x
	}
	return nil
}

func deadBranch(x, y int) { // ERROR "moved to heap: y$"
	if false {
		gp = &x
	}
	if true {
		gp = &y
		return
	}
	gp = &x
}

func offset(p *int) *int { // ERROR "leaking param: p to result ~r0 level=0$"
	return (*int)(unsafe.Pointer(uintptr(unsafe.Pointer(p)) + 0))
}

const K = 3

func constants() {
	sink = 1 << 3      // ERROR "1 << 3 escapes to heap$"
	sink = (2 + 3) * 4 // ERROR "\(2 \+ 3\) \* 4 escapes to heap$"
	sink = -K * 2      // ERROR "-K \* 2 escapes to heap$"
}

func main() {
	x := 1
	px := &x
	println(sized(2), gotoLoop())
	spread()
	println(commaOK(1)) // ERROR "1 does not escape$"
	deref2(&px)
	deferInLoop(2)
	println(rangeMap(nil), typeSwitch(1), offset(px)) // ERROR "1 does not escape$"
	deadBranch(1, 2)
	constants()
}
