// errorcheck -0 -m -l

// Flows through assignments, dereferences, fields, indexing and returns, and the
// parameter tags callers use instead of the callee's body.

package main

type T struct {
	p *int
	n int
}

type Pair struct{ a, b *int }

var gp *int
var gpp **int
var gt T

func param(p *int) int { // ERROR "p does not escape$"
	return *p
}

func leakHeap(p *int) { // ERROR "leaking param: p$"
	gp = p
}

func leakContent(pp **int) { // ERROR "leaking param content: pp$"
	gp = *pp
}

func leakResult(p *int) *int { // ERROR "leaking param: p to result ~r0 level=0$"
	return p
}

func leakResultDeref(pp **int) *int { // ERROR "leaking param: pp to result ~r0 level=1$"
	return *pp
}

func leakSecond(a, b *int) (*int, *int) { // ERROR "a does not escape$" "leaking param: b to result ~r1 level=0$"
	return nil, b
}

func namedResult(p *int) (r *int) { // ERROR "leaking param: p to result r level=0$"
	r = p
	return
}

func fieldLeak(t *T) *int { // ERROR "leaking param: t to result ~r0 level=1$"
	return t.p
}

func fieldStore(t *T, p *int) { // ERROR "t does not escape$" "leaking param: p$"
	t.p = p
}

func structValue(t T) { // ERROR "leaking param: t$"
	gt = t
}

func indexLeak(s []*int) *int { // ERROR "leaking param: s to result ~r0 level=1$"
	return s[0]
}

func arrayLocal(x int) int {
	var a [2]*int
	a[0] = &x
	return *a[0]
}

func sliceStore(s []*int, p *int) { // ERROR "s does not escape$" "leaking param: p$"
	s[0] = p
}

func callsParam() int {
	x := 1
	return param(&x)
}

func callsLeakHeap() {
	x := 2 // ERROR "moved to heap: x$"
	leakHeap(&x)
}

func callsLeakResult() int {
	x := 3
	q := leakResult(&x)
	return *q
}

func callsLeakResultToGlobal() {
	x := 4 // ERROR "moved to heap: x$"
	gp = leakResult(&x)
}

func callsLeakContent() {
	x := 5 // ERROR "moved to heap: x$"
	p := &x
	leakContent(&p)
}

func viaPointer(pp **int) { // ERROR "pp does not escape$"
	x := 6 // ERROR "moved to heap: x$"
	*pp = &x
}

func pair() *int {
	x, y := 7, 8 // ERROR "moved to heap: x$" "moved to heap: y$"
	pr := Pair{&x, &y}
	return pr.b
}

func newLocal() int {
	p := new(int) // ERROR "new\(int\) does not escape$"
	*p = 9
	return *p
}

func newLeak() *int {
	return new(int) // ERROR "new\(int\) escapes to heap$"
}

func addrLiteral() *T {
	return &T{n: 1} // ERROR "&T\{\.\.\.\} escapes to heap$"
}

func addrLiteralLocal() int {
	t := &T{n: 2} // ERROR "&T\{\.\.\.\} does not escape$"
	return t.n
}

func recursive(p *int, n int) *int { // ERROR "leaking param: p to result ~r0 level=0$"
	if n == 0 {
		return p
	}
	return recursive(p, n-1)
}

func mutualA(p *int, n int) *int { // ERROR "leaking param: p$"
	if n == 0 {
		return nil
	}
	return mutualB(p, n-1)
}

func mutualB(p *int, n int) *int { // ERROR "leaking param: p$"
	gp = p
	return mutualA(p, n)
}

func main() {}
