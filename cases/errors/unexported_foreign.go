// errorcheck

// An unexported field or method of another package's type is not found by
// a selector: the name belongs to that package.

package main

import "strings"

func main() {
	var b strings.Builder
	_ = b.buf    // ERROR "b.buf undefined \(type strings.Builder has no field or method buf\)"
	b.copyCheck() // ERROR "b.copyCheck undefined"
	var r strings.Reader
	_ = r.Len()
	_ = r.s // ERROR "r.s undefined"
}

func hint() {
	var b strings.Builder
	_ = b.Buf // ERROR "b.Buf undefined \(type strings.Builder has no field or method Buf\)$"
}
