// errorcheck -0 -m -l

// Methods: receivers are parameters with tags like any other (an implicit &v for a
// pointer receiver keeps v on the stack when the method does not leak it); type
// switches and assertions load through the interface's data word.

package main

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ } // ERROR "c does not escape$"

func (c *Counter) Self() *Counter { return c } // ERROR "leaking param: c to result ~r0 level=0$"

var gc *Counter

func (c *Counter) Publish() { gc = c } // ERROR "leaking param: c$"

func (c Counter) Value() int { return c.n }

func pointerReceiver() int {
	var c Counter
	c.Inc()
	c.Inc()
	return c.Value()
}

func leakingReceiver() {
	var c Counter // ERROR "moved to heap: c$"
	c.Publish()
}

func receiverToResult() int {
	var c Counter
	return c.Self().n
}

type Shape interface{ Area() int }

type Sq struct{ s int }

func (q Sq) Area() int { return q.s * q.s }

func typeSwitch(x interface{}) int { // ERROR "leaking param: x$"
	switch v := x.(type) {
	case int:
		return v
	case *Counter:
		return v.n
	case Shape:
		return v.Area()
	}
	return 0
}

func assertPtr(x interface{}) *Counter { // ERROR "leaking param: x to result ~r0 level=0$"
	return x.(*Counter)
}

func assertVal(x interface{}) Counter { // ERROR "x does not escape$"
	return x.(Counter)
}

func fields(c *Counter) int { // ERROR "c does not escape$"
	p := &c.n
	return *p
}

func arrays() int {
	var a [3]int
	p := &a[1]
	*p = 2
	s := a[:]
	return s[1]
}

type Adder struct{ n int }

func (a Adder) Add(x int) int { return a.n + x }

func (a *Adder) Grow(x int) *Adder { // ERROR "leaking param: a to result ~r0 level=0$"
	a.n += x
	return a
}

type AddI interface{ Add(int) int }

func ifaceMethodValue(a Adder) int {
	var i AddI = a // ERROR "a escapes to heap$"
	g := i.Add // ERROR "i\.Add does not escape$"
	return g(1)
}

func ptrMethodValue() int {
	var a Adder // ERROR "moved to heap: a$"
	g := a.Grow // ERROR "a\.Grow does not escape$"
	return g(1).n
}

func main() {}
