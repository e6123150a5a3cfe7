// errorcheck -0 -m -l

// Assignments that only move pointers within one object are ignored (gc's
// self-assignment rule), and dereference levels in parameter tags.

package main

type Buf struct {
	data []byte
	a, b *int
	arr  [2]*int
}

func (b *Buf) Trim(n int) { // ERROR "b does not escape$"
	b.data = b.data[n:] // ERROR "\(\*Buf\)\.Trim ignoring self-assignment in b\.data = b\.data\[n:\]$"
}

func (b *Buf) Swap() { // ERROR "b does not escape$"
	b.a, b.b = b.b, b.a // ERROR "\(\*Buf\)\.Swap ignoring self-assignment in b\.a, b\.b = b\.b, b\.a$"
}

func (b *Buf) SwapArr() { // ERROR "b does not escape$"
	b.arr[0] = b.arr[1] // ERROR "\(\*Buf\)\.SwapArr ignoring self-assignment in b\.arr\[0\] = b\.arr\[1\]$"
}

var sink **int

func level0(p *int) *int { return p } // ERROR "leaking param: p to result ~r0 level=0$"

func level1(pp **int) *int { return *pp } // ERROR "leaking param: pp to result ~r0 level=1$"

func level2(ppp ***int) *int { return **ppp } // ERROR "leaking param: ppp to result ~r0 level=2$"

func deepLeak(ppp ***int) { // ERROR "leaking param content: ppp$"
	sink = *ppp
}

func use() int {
	x := 1
	p := &x
	pp := &p
	return *level1(pp) + *level2(&pp) + *level0(&x)
}

func main() {}
