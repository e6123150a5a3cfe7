// errorcheck -0 -m -l

// Where gc reports the implicit conversions of variable declarations: at the last
// name, composite literal or call of the values (else the declared name).

package main

type T struct{ a int }

var sink interface{}

func f(n int, t T, p *T) { // ERROR "p does not escape$"
	var a interface{} = 42 // ERROR "42 escapes to heap$"
	var b interface{} = n + 1 // ERROR "n \+ 1 escapes to heap$"
	var c interface{} = t.a // ERROR "t\.a escapes to heap$"
	var d interface{} = T{n} // ERROR "T\{\.\.\.\} escapes to heap$"
	var e interface{} = *p // ERROR "\*p escapes to heap$"
	var g, h interface{} = 1, n // ERROR "1 escapes to heap$" "n escapes to heap$"
	var i interface{} = f2(n) // ERROR "f2\(n\) escapes to heap$"
	sink, sink, sink, sink, sink, sink, sink, sink = a, b, c, d, e, g, h, i
}

func f2(n int) int { return n }

func main() {}
