// errorcheck

package main

type T struct {
	a int
}

func (T) M() {}

func main() {
	_ = x // ERROR "undefined: x"
	undefinedFunc() // ERROR "undefined: undefinedFunc"
	var t T
	t.b = 1 // ERROR "t\.b undefined \(type T has no field or method b\)"
	t.M2() // ERROR "t\.M2 undefined \(type T has no field or method M2\)"
	_ = T{c: 1} // ERROR "unknown field 'c' in struct literal of type T"
	var p *T
	_ = p.zz // ERROR "p\.zz undefined \(type \*T has no field or method zz\)"
	_ = T.N // ERROR "T\.N undefined \(type T has no field or method N\)"
	var i int
	_ = i.f // ERROR "i\.f undefined \(type int has no field or method f\)"
}
