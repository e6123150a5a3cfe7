// errorcheck

package main

type S struct{ a int }

func main() {
	var i int
	var s string
	var f float64
	var b bool
	_ = i + s // ERROR "invalid operation: i \+ s \(mismatched types int and string\)"
	_ = s - s // ERROR "invalid operation: operator - not defined on s \(variable of type string\)"
	_ = b + b // ERROR "invalid operation: operator \+ not defined on b \(variable of type bool\)"
	_ = f % 2 // ERROR "invalid operation: operator % not defined on f \(variable of type float64\)"
	_ = i / 0 // ERROR "invalid operation: division by zero"
	_ = 1 % 0 // ERROR "invalid operation: division by zero"
	_ = -"x" // ERROR "invalid operation: operator - not defined on .x. \(untyped string constant\)"
	_ = !i // ERROR "invalid operation: operator ! not defined on i \(variable of type int\)"
	_ = ^f // ERROR "invalid operation: operator \^ not defined on f \(variable of type float64\)"
	_ = i << -1 // ERROR "invalid operation: negative shift count -1 \(untyped int constant\)"
	_ = i << 1.5 // ERROR "1\.5 \(untyped float constant\) truncated to uint"
	_ = f << 2 // ERROR "invalid operation: shifted operand f \(variable of type float64\) must be integer"
	var sl []int
	var m map[int]int
	_ = sl == sl // ERROR "invalid operation: sl == sl \(slice can only be compared to nil\)"
	_ = m == m // ERROR "invalid operation: m == m \(map can only be compared to nil\)"
	_ = S{} < S{} // ERROR "invalid operation: S\{\} < S\{\} \(operator < not defined on struct\)"
	_ = &5 // ERROR "invalid operation: cannot take address of 5 \(untyped int constant\)"
	_ = *i // ERROR "invalid operation: cannot indirect i \(variable of type int\)"
	_ = i[0] // ERROR "invalid operation: cannot index i \(variable of type int\)"
	s++ // ERROR "invalid operation: s\+\+ \(non-numeric type string\)"
	_ = b && 1 // ERROR "invalid operation: b && 1 \(mismatched types bool and untyped int\)"
	var fn func()
	_ = fn == fn // ERROR "invalid operation: fn == fn \(func can only be compared to nil\)"
	_ = nil == nil // ERROR "invalid operation: nil == nil \(operator == not defined on untyped nil\)"
}
