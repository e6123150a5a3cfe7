// errorcheck -+

// Compiling package runtime (-+), no variable may move to the heap and no
// closure that captures variables may be heap-allocated. (gc would report
// again each inlined copy: the functions are kept out of line.)

package main

var keep func() int
var p *int

//go:noinline
func counter() func() int {
	n := 0 // ERROR "n escapes to heap, not allowed in runtime"
	return func() int { // ERROR "heap-allocated closure counter.func1, not allowed in runtime"
		n++
		return n
	}
}

func local() int {
	x := 1
	f := func() int { return x } // stays on the stack
	return f()
}

func static() {
	keep = func() int { return 0 } // captures nothing: a static funcval
}

//go:noinline
func leak() {
	var y int // ERROR "y escapes to heap, not allowed in runtime"
	p = &y
}

func main() {
	keep = counter()
	_ = local()
	static()
	leak()
}
