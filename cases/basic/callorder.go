// run

// The order of calls and operands within a statement, as gc's order makes it: a
// statement's calls (and len, cap, real, imag) are evaluated first, left to right,
// then the variables, indices and pointers the statement reads and writes through.

package main

type pt struct{ a, b int }

func ptrs() {
	one, two := 1, 2
	x := &one
	*x += func() int { x = &two; return 10 }()
	println("ptr op=", one, two)
	x = &one
	*x = func() int { x = &two; return 20 }()
	println("ptr =", one, two)
}

func fields() {
	one, two := pt{1, 1}, pt{2, 2}
	p := &one
	p.b += func() int { p = &two; return 10 }()
	println("field op=", one.b, two.b)
	p = &one
	p.a = func() int { p = &two; return 20 }()
	println("field =", one.a, two.a)
}

func slices() {
	one, two := []int{1}, []int{2}
	x := one
	x[0] += func() int { x = two; return 10 }()
	println("slice op=", one[0], two[0])
	x = one
	x[0] = func() int { x = two; return 20 }()
	println("slice =", one[0], two[0])
	i := 0
	arr := []int{5, 6}
	arr[i] += func() int { i = 1; return 10 }()
	println("index op=", arr[0], arr[1])
}

func arrays() {
	var one, two [2]int
	x := &one
	x[1] += func() int { x = &two; return 10 }()
	println("array op=", one[1], two[1])
}

func maps() {
	one, two := map[int]int{0: 1}, map[int]int{0: 2}
	x := one
	x[0] += func() int { x = two; return 10 }()
	println("map op=", one[0], two[0])
	x = one
	x[0] = func() int { x = two; return 20 }()
	println("map =", one[0], two[0])
	k := 0
	one[k] += func() int { k = 1; return 30 }()
	println("mapkey op=", one[0], one[1])
}

func builtins() {
	x := make([]int, 1)
	f := func() int { x = make([]int, 3, 5); return 2 }
	a, b, c := len(x), f(), len(x)
	println("len", a, b, c)
	x = make([]int, 1)
	a, b, c = cap(x), f(), cap(x)
	println("cap", a, b, c)
	x = make([]int, 1)
	d := len(x) + f()
	println("len+", d)
	x = make([]int, 1)
	g := func(p, q int) int { return p*10 + q }
	println("args", g(len(x), f()))
	x = make([]int, 1)
	s := []int{len(x), f(), len(x)}
	println("lit", s[0], s[1], s[2])
	z := 1 + 0i
	h := func() int { z = 3; return 2 }
	r1, r2, r3 := real(z), h(), imag(z)
	println("real", r1, r2, r3)
	str := "ab"
	hs := func() int { str = "abcd"; return 2 }
	l1, l2 := len(str), hs()
	println("strlen", l1, l2)
}

func vars() {
	x := 1
	f := func() int { x = 3; return 2 }
	a, b, c := x, f(), x
	println("vars", a, b, c)
	x = 1
	d := x + f()
	println("var+", d)
	x = 1
	y := [2]int{x, f()}
	println("arr lit", y[0], y[1])
	x = 1
	st := pt{x, f()}
	println("struct lit", st.a, st.b)
}

var trace []int

func note(n int) bool { trace = append(trace, n); return false }
func val(n int) int   { trace = append(trace, n); return n }

// nested keeps calls under an operator in order with the plain calls beside them.
func nested() {
	_, _ = false || note(1), note(2)
	println("oror", len(trace), trace[0], trace[1])
	trace = nil
	x := 10
	a, b := x+val(1), val(2)
	println("sum", a, b, trace[0], trace[1])
	trace = nil
	p := pt{val(1) + 1, val(2)}
	println("struct", p.a, p.b, trace[0], trace[1])
	trace = nil
	s := []bool{true && note(1), note(2)}
	println("slice", s[0], s[1], trace[0], trace[1])
}

func main() {
	ptrs()
	fields()
	slices()
	arrays()
	maps()
	builtins()
	vars()
	nested()
}
