// errorcheck

package main

import "unsafe"

// main's and init's signatures are checked as written, each declaration
// (types2's collectObjects); a go or defer of a builtin with a constant
// result discards it: only a type's call is a conversion.

func main(int) {}            // ERROR "func main must have no arguments and no return values"
func main() int { return 1 } // ERROR "func main must have no arguments and no return values" "main redeclared in this block"

func init(int) {} // ERROR "func init must have no arguments and no return values"

type T int

func f(a []int) {
	go complex(1, 2)    // ERROR "go discards result of complex\(1, 2\) \(untyped complex constant \(1 \+ 2i\)\)"
	defer unsafe.Sizeof(a) // ERROR "defer discards result of unsafe.Sizeof\(a\) \(constant 24 of type uintptr\)"
	go T(1)             // ERROR "go requires function call, not conversion"
	defer len(a)        // ERROR "defer discards result of len\(a\) \(value of type int\)"
}
