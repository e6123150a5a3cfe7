package b

import "./a"

type J interface{ m() }

type U struct{}

func (U) m() {}

var _ a.I = U{}     // ERROR "cannot use U{} \(value of type U\) as type a.I in variable declaration:\n\tU does not implement a.I \(missing m method\)"
var _ J = a.T{}     // ERROR "a.T does not implement J \(missing m method\)"
var _ J = U{}
var _ struct{ X int } = a.E()
var _ struct{ x int } = a.S() // ERROR "cannot use a.S\(\) \(value of type struct{x int}\) as type struct{x int} in variable declaration"

type V struct{ a.T }

var _ a.I = V{}
var _ J = V{} // ERROR "V does not implement J \(missing m method\)"

func f(v V) {
	v.m() // ERROR "v.m undefined \(type V has no field or method m\)"
}
