// errorcheck

// A builtin or a non-generic type in a type's place: `X (built-in) is not a type`,
// `T is not a generic type` (types2's operand and instantiation messages).

package main

import "unsafe"

func f(x append) {} // ERROR "append \(built-in\) is not a type"

var y []len // ERROR "len \(built-in\) is not a type"

func main() {
	var s unsafe.Sizeof // ERROR "unsafe.Sizeof \(built-in\) is not a type"
	var v rune[int] // ERROR "rune is not a generic type"
	_ = new(cap) // ERROR "cap \(built-in\) is not a type"
	_, _ = s, v
}
