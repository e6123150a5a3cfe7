// errorcheck -0 -m

// gc's inlining reports under -m: which functions its budget admits, the calls it
// inlines (an inlined body's calls at the outermost call) and the heap variables the
// copies allocate.

package p

var sink *int

type T struct{ n int }

func (t *T) inc() int { // ERROR "can inline \(\*T\).inc" "t does not escape"
	t.n++
	return t.n
}

func box(x int) *int { // ERROR "can inline box" "moved to heap: x"
	return &x
}

func twice(x int) *int { // ERROR "can inline twice"
	return box(x + x) // ERROR "inlining call to box" "moved to heap: x"
}

//go:noinline
func kept(x int) int {
	return x + 1
}

func two(x int) int { // ERROR "can inline two"
	return kept(x)
}

func three(x int) int { // too expensive: two calls of a function gc does not inline
	return kept(x) + kept(x+1)
}

func rec() (r int) {
	defer func() { // ERROR "func literal does not escape"
		recover()
	}()
	return 1
}

func local() int {
	type U struct{ a int }
	u := U{3}
	return u.a
}

func use(t *T) int { // ERROR "t does not escape"
	sink = twice(2)  // ERROR "inlining call to twice" "inlining call to box" "moved to heap: x"
	return t.inc() + two(1) // ERROR "inlining call to \(\*T\).inc" "inlining call to two"
}

func direct() { // ERROR "can inline direct"
	func() { // ERROR "can inline direct.func1"
		sink = box(7) // ERROR "inlining call to box"
	}() // ERROR "inlining call to direct.func1" "inlining call to box" "moved to heap: x"
}
