// errorcheck -0 -m -l

// Decisions of gc's that need more than the plain flow rules: the capacity alone sizes
// make's array, a looping label deepens only the rest of its block, each result of a
// call assigned one by one flows only where it goes (its conversion, made after escape
// analysis by gc, is on the heap and unreported), and an indirection of an indirection
// prints parenthesized.

package main

var sink interface{}
var flag bool

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

func main() {
	x := 1
	px := &x
	println(sized(2), gotoLoop())
	spread()
	println(commaOK(1)) // ERROR "1 does not escape$"
	deref2(&px)
}
