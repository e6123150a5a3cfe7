// run

// Interface calls made direct where the dynamic type is known: value and pointer
// receivers, methods promoted through embedded values and pointers, a method promoted
// from an embedded interface (the call stays dynamic, on the field), and calls that
// must stay dynamic (a reassigned variable, a parameter).

package main

type I interface{ M() int }

type V struct{ a, b int }

func (v V) M() int { return v.a + v.b }

type P struct{ n int }

func (p *P) M() int { p.n++; return p.n }

type Outer struct {
	V
	pad int
}

type ByPtr struct{ *P }

type Wrap struct{ I }

func value() int {
	var i I = V{1, 2}
	return i.M()
}

func pointer() int {
	p := &P{10}
	var i I = p
	i.M()
	return i.M() + p.n
}

func promoted() int {
	var i I = Outer{V{3, 4}, 5}
	j := I(ByPtr{&P{20}})
	return i.M() + j.M()
}

func partial() int {
	var i I = Wrap{V{6, 7}}
	return i.M()
}

func reassigned(b bool) int {
	var i I = V{1, 1}
	if b {
		i = &P{100}
	}
	return i.M()
}

func param(i I) int { return i.M() }

func closure() int {
	var i I = V{8, 9}
	f := func() int { return i.M() }
	return f() + i.M()
}

func main() {
	println(value(), pointer(), promoted(), partial())
	println(reassigned(false), reassigned(true), param(V{2, 3}), closure())
	s := 0
	for k := 0; k < 3; k++ {
		var i I = V{k, k}
		s += i.M()
	}
	println(s)
}
