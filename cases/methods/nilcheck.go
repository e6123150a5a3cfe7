// run

// Taking the address of a field or element through a nil pointer panics, even when
// nothing is loaded: &p.f, &*p, &p.arr[i], and pointer-method calls on p.Embedded.
// A huge value converted to an interface is copied straight from *p.

package main

type Inner struct{}

func (*Inner) F() int { return 1 }

type Outer struct {
	n   int
	arr [4]int
	Inner
}

type Huge struct {
	n   int
	buf [1 << 20]byte
}

var (
	op *Outer
	hp *Huge
	i  = 2
	V  interface{}
)

func try(name string, f func()) {
	defer func() {
		if recover() == nil {
			println(name, "did not panic")
		} else {
			println(name, "panicked")
		}
	}()
	f()
}

func main() {
	try("&op.n", func() { println(&op.n != nil) })
	try("&*op", func() { println(&*op != nil) })
	try("&op.arr[i]", func() { println(&op.arr[i] != nil) })
	try("op.Inner.F()", func() { println(op.Inner.F()) })
	try("op.F()", func() { println(op.F()) })
	try("&hp.buf[1000]", func() { println(&hp.buf[1000] != nil) })
	try("*hp", func() { V = *hp })
	h := &Huge{n: 7}
	h.buf[99] = 42
	V = *h
	h.buf[99] = 0
	println(V.(Huge).n, V.(Huge).buf[99])
}
