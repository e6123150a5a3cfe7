// errorcheck -0 -m -l

// Devirtualization: an interface call whose receiver's dynamic type is known (a local
// variable defined by a conversion and never assigned again) calls the method
// directly, so the converted value goes only where the method sends its receiver. A
// method promoted from an embedded interface stays an interface call on that field.

package main

type I interface{ M() int }

type V struct{ a, b int }

func (v V) M() int { return v.a + v.b }

type P struct{ n int }

func (p *P) M() int { p.n++; return p.n } // ERROR "p does not escape$"

type Outer struct {
	V
	pad int
}

type Wrap struct{ I }

func value() int {
	var i I = V{1, 2} // ERROR "V\{\.\.\.\} does not escape$"
	return i.M()      // ERROR "devirtualizing i.M to V$"
}

func pointer() int {
	var i I = &P{10} // ERROR "&P\{\.\.\.\} does not escape$"
	return i.M()     // ERROR "devirtualizing i.M to \*P$"
}

func promoted() int {
	i := I(Outer{V{3, 4}, 5}) // ERROR "I\(Outer\{\.\.\.\}\) does not escape$"
	return i.M()              // ERROR "devirtualizing i.M to Outer$"
}

func partial() int {
	var i I = Wrap{V{6, 7}} // ERROR "Wrap\{\.\.\.\} does not escape$" "V\{\.\.\.\} escapes to heap$"
	return i.M()            // ERROR "partially devirtualizing i.M to Wrap$"
}

func reassigned(b bool) int {
	var i I = V{1, 1} // ERROR "V\{\.\.\.\} escapes to heap$"
	if b {
		i = &P{100} // ERROR "&P\{\.\.\.\} escapes to heap$"
	}
	return i.M()
}

func addressed() int {
	var i I = V{1, 1} // ERROR "V\{\.\.\.\} escapes to heap$"
	p := &i
	return (*p).M()
}

func param(i I) int { return i.M() } // ERROR "leaking param: i$"

func main() {
	println(value(), pointer(), promoted(), partial(), reassigned(true), addressed())
	println(param(V{2, 3})) // ERROR "V\{\.\.\.\} escapes to heap$"
}
