// errorcheck -0 -m -l

// Every kind of allocation site: new, composite literals, make, append, map literals,
// string conversions and concatenation, method values, and calls through interfaces
// (the callee is unknown, so receiver and arguments escape).

package main

type T struct{ a, b int }

func (t T) Sum() int { return t.a + t.b }

type Summer interface{ Sum() int }

type Big struct{ a [10000]int }

var sink interface{}
var gs []int
var gm map[string]int

func slices(n int) int {
	s := []int{1, 2, 3} // ERROR "\[\]int\{\.\.\.\} does not escape$"
	m := make([]int, n) // ERROR "make\(\[\]int, n\) escapes to heap$"
	c := make([]int, 10) // ERROR "make\(\[\]int, 10\) does not escape$"
	s = append(s, 4)
	return s[0] + m[0] + c[0]
}

func sliceToGlobal() {
	gs = []int{1} // ERROR "\[\]int\{\.\.\.\} escapes to heap$"
	gs = append(gs, 2)
}

func appendPointers(ps []*int, x int) []*int { // ERROR "leaking param content: ps$" "leaking param: ps to result ~r0 level=0$" "moved to heap: x$"
	return append(ps, &x)
}

func maps() int {
	m := map[string]int{"a": 1} // ERROR "map\[string\]int\{\.\.\.\} does not escape$"
	m2 := make(map[string]int) // ERROR "make\(map\[string\]int\) does not escape$"
	m2["b"] = 2
	return m["a"] + m2["b"]
}

func mapToGlobal() {
	gm = map[string]int{} // ERROR "map\[string\]int\{\} escapes to heap$"
}

func strs(a, b string) string { // ERROR "a does not escape$" "b does not escape$"
	return a + b // ERROR "a \+ b escapes to heap$"
}

func strsLocal(a string, bs []byte) int { // ERROR "a does not escape$" "bs does not escape$"
	s := a + "!" // ERROR "a \+ \x22!\x22 does not escape$"
	t := string(bs) // ERROR "string\(bs\) does not escape$"
	u := []byte(a) // ERROR "\(\[\]byte\)\(a\) does not escape$"
	return len(s) + len(t) + len(u)
}

func newBig() int {
	p := new(Big) // ERROR "new\(Big\) escapes to heap$"
	return p.a[0]
}

func methodValue(t T) func() int {
	return t.Sum // ERROR "t\.Sum escapes to heap$"
}

func methodValueLocal(t T) int {
	f := t.Sum // ERROR "t\.Sum does not escape$"
	return f()
}

func ifaceCall(s Summer) int { // ERROR "leaking param: s$"
	return s.Sum()
}

func ifaceArg(s interface{ Put(p *int) }) { // ERROR "leaking param: s$"
	x := 1 // ERROR "moved to heap: x$"
	s.Put(&x)
}

func deferred() (r int) {
	x := 1
	defer func() { // ERROR "func literal does not escape$"
		r = x
	}()
	return 0
}

func main() {}
