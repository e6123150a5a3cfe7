// errorcheck

package p

// A BOM past the start of the file is an error also inside comments and
// strings; an identifier may not begin with a Unicode digit.

func f() {
	/* a ﻿ */ // ERROR "invalid BOM in the middle of the file"
	_ = "﻿" // ERROR "invalid BOM in the middle of the file"
}

var ۶x = 1 // ERROR "identifier cannot begin with digit U\+06F6"
