// errorcheck

// After type checking gc checks each //go:linkname: its local name must be
// a package-level function or variable, named by one directive only. (A
// directive takes no trailing comment, so the //line below moves the
// directives onto the lines of the expected errors.)

package main

import _ "unsafe"

type T int

const C = 1

var v int

// ERROR "duplicate //go:linkname for v"
// ERROR "//go:linkname must refer to declared function or variable"
// ERROR "must refer to declared function or variable"
// ERROR "must refer to declared function or variable"

//line linkname_checks.go:17
//go:linkname v runtime.v1
//go:linkname v runtime.v2
//go:linkname T runtime.t
//go:linkname C runtime.c
//go:linkname nothere runtime.n

func main() {}
