// errorcheck

// An untyped float expression holding a non-constant shift converts to an
// integer type when its constants fit it; one that does not is truncated.

package main

func main() {
	var s uint = 2
	var a int64 = (1 << s) + 4.0
	var b int = (1 << s) + 4.5 // ERROR "4.5 \(untyped float constant\) truncated to int"
	var c = (1 << s) + 4.0     // ERROR "invalid operation: 1 << s \(shift of type float64\)"
	var d int8 = (1 << s) - 1e3 // ERROR "1e3 \(untyped float constant 1000\) truncated to int8"
	println(a, b, c, d)
}
