// errorcheck

package main

type I interface {
	M()
}

type J interface {
	N(int) string
}

type T struct{}

func (t *T) M() {}

type U struct{}

func (U) N(string) string { return "" }

type V struct{}

func main() {
	var i I = T{} // ERROR "cannot use T\{\} \(value of type T\) as type I in variable declaration:"
	var j J = U{} // ERROR "cannot use U\{\} \(value of type U\) as type J in variable declaration:"
	var k I = V{} // ERROR "cannot use V\{\} \(value of type V\) as type I in variable declaration:"
	_ = i.(T) // ERROR "impossible type assertion: i\.\(T\)"
	var n int
	_ = n.(int) // ERROR "invalid operation: n \(variable of type int\) is not an interface"
	switch i.(type) {
	case V: // ERROR "impossible type switch case: V"
	}
	var e interface{} = 1
	_ = e.(I)
	_, _ = j, k
	var p *I
	p.M() // ERROR "p\.M undefined \(type \*I is pointer to interface, not interface\)"
}
