// errorcheck -0 -m -l

// Closures: a func literal is an allocation; variables it captures by reference move
// to the heap only when the closure escapes.

package main

var sinkf func() int
var sink interface{}

func notEscaping(n int) int {
	x := 0
	f := func() { // ERROR "func literal does not escape$"
		x = n
	}
	f()
	return x
}

func escapingByValue(n int) func() int {
	return func() int { // ERROR "func literal escapes to heap$"
		return n
	}
}

func escapingByRef(n int) func() int {
	x := n // ERROR "moved to heap: x$"
	f := func() int { // ERROR "func literal escapes to heap$"
		x++
		return x
	}
	return f
}

func calledNow(n int) int {
	return func(a int) int { // ERROR "func literal does not escape$"
		return a + n
	}(n)
}

func storedGlobally() {
	y := 1 // ERROR "moved to heap: y$"
	sinkf = func() int { // ERROR "func literal escapes to heap$"
		y++
		return y
	}
}

func allocInside() {
	var p *int
	func() { // ERROR "func literal does not escape$"
		p = new(int) // ERROR "new\(int\) escapes to heap$"
	}()
	_ = p
}

func convInside(n int) {
	f := func() { // ERROR "func literal does not escape$"
		sink = n // ERROR "n escapes to heap$"
	}
	f()
}

func paramOfClosure() {
	g := func(p *int) int { // ERROR "func literal does not escape$" "p does not escape$"
		return *p
	}
	x := 2
	_ = g(&x)
}

func main() {}
