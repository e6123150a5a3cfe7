// run

// Copy semantics of value-to-interface conversions: whether the interface's copy of
// the value lives in a stack temporary (the result does not escape) or on the heap
// (runtime.convT and its kin), changing the value afterwards never changes what the
// interface holds. tests/test_escape.py also runs this with -d=convinline=0.

package main

type Int int

type Fooer interface{ foo() Int }

func (i Int) foo() Int { return i }

type Pair struct{ a, b int }

var ptrSink *int
var intSink *Int
var global int
var globalInt Int
var keep []interface{}

func check(name string, got, want int) {
	if got != want {
		println("FAIL", name, "got", got, "want", want)
		return
	}
	println("ok", name, got)
}

func efaceLocal() {
	a := 5
	e := interface{}(a)
	a += 2
	check("efaceLocal", e.(int), 5)
}

func efaceMovedToHeap() {
	a := 5
	ptrSink = &a
	e := interface{}(a)
	a += 2
	check("efaceMovedToHeap", e.(int), 5)
}

//go:noinline
func e2intGlobal(e interface{}) int {
	global = 7
	return e.(int)
}

func efaceGlobal() {
	global = 5
	check("efaceGlobal", e2intGlobal(global), 5)
}

//go:noinline
func e2intPtr(e interface{}, p *int) int {
	*p = 7
	return e.(int)
}

func efacePointerArg() {
	a := 5
	check("efacePointerArg", e2intPtr(a, &a), 5)
}

func ifaceLocal() {
	a := Int(5)
	var i Fooer = a
	a += 2
	check("ifaceLocal", int(i.(Int)), 5)
}

func ifaceMovedToHeap() {
	a := Int(5)
	intSink = &a
	var i Fooer = a
	a += 2
	check("ifaceMovedToHeap", int(i.foo()), 5)
}

//go:noinline
func i2IntGlobal(i Fooer) Int {
	globalInt = 7
	return i.(Int)
}

func ifaceGlobal() {
	globalInt = 5
	check("ifaceGlobal", int(i2IntGlobal(globalInt)), 5)
}

//go:noinline
func i2IntPtr(i Fooer, p *Int) Int {
	*p = 7
	return i.(Int)
}

func ifacePointerArg() {
	a := Int(5)
	check("ifacePointerArg", int(i2IntPtr(a, &a)), 5)
}

func structValue() {
	p := Pair{1, 2}
	e := interface{}(p)
	p.a = 10
	q := e.(Pair)
	check("structValue", q.a+q.b, 3)
}

func loopEscapes() {
	var last interface{}
	for i := 0; i < 4; i++ {
		last = i * 10
	}
	check("loopEscapes", last.(int), 30)
}

func loopCollect() {
	keep = nil
	for i := 0; i < 3; i++ {
		keep = append(keep, i+1)
	}
	sum := 0
	for _, e := range keep {
		sum = sum*10 + e.(int)
	}
	check("loopCollect", sum, 123)
}

func loopLocal() {
	sum := 0
	for i := 0; i < 5; i++ {
		e := interface{}(i)
		sum += e.(int)
	}
	check("loopLocal", sum, 10)
}

func closureCapture() {
	a := 5
	e := interface{}(a)
	f := func() int { return e.(int) }
	a = 9
	check("closureCapture", f(), 5)
}

func result(n int) interface{} {
	return n
}

func resultValue() {
	e1 := result(1)
	e2 := result(2)
	check("resultValue", e1.(int)*10+e2.(int), 12)
}

func big() {
	var b [200]int
	b[199] = 4
	e := interface{}(b)
	b[199] = 8
	check("big", e.([200]int)[199], 4)
}

func main() {
	efaceLocal()
	efaceMovedToHeap()
	efaceGlobal()
	efacePointerArg()
	ifaceLocal()
	ifaceMovedToHeap()
	ifaceGlobal()
	ifacePointerArg()
	structValue()
	loopEscapes()
	loopCollect()
	loopLocal()
	closureCapture()
	resultValue()
	big()
}
