// errorcheck

// A //go:linkname takes a local name and at most one link name. (The
// directive takes no trailing comment: the //line below moves it onto the
// line of the expected error.)

package main

import _ "unsafe"

var v int

// ERROR "usage: //go:linkname localname \[linkname\]"

//line linkname_usage.go:13
//go:linkname v a b

func main() {}
