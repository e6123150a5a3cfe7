// errorcheck -0 -m -l

// Assignments into fields, slice and array elements, maps and globals, and the
// assignment operators.

package main

var sink interface{}
var gs string

type S struct{ e interface{} }

func f(s string, n int, xs []interface{}) string { // ERROR "leaking param: s$" "xs does not escape$"
	s += "x"
	gs += s
	t := S{e: n} // ERROR "moved to heap: t$" "n escapes to heap$"
	sink = &t
	xs[0] = n // ERROR "n escapes to heap$"
	var arr [2]interface{}
	arr[1] = n // ERROR "n does not escape$"
	_ = arr
	m := map[int]interface{}{} // ERROR "map\[int\]interface \{\}\{\} escapes to heap$"
	m[n] = n // ERROR "n escapes to heap$"
	sink = m
	sink = string(rune(n)) // ERROR "string\(rune\(n\)\) escapes to heap$"
	return s
}

func main() {}
