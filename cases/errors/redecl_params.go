// errorcheck

// A package-level name may not also be a file's import, and a func type written as a
// type may not name a parameter or result twice; types2 words both as redeclarations.

package main

import "strings" // ERROR "imported and not used"

var strings = 1 // ERROR "strings already declared through import of package strings"

type I interface {
	m(x int) (x int) // ERROR "x redeclared in this block"
}

var f func(a, b int, a string) // ERROR "a redeclared in this block"

func main() {}
