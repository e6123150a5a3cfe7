// errorcheck -0 -m -live -l -std

// gc's UintptrKeepAlive: in a call of a bodyless or //go:uintptrkeepalive function,
// the pointer of each uintptr(unsafe.Pointer) argument is copied into a temporary kept
// alive (and so reported live) across the call; a plain function's is not.

package p

import "unsafe"

func ext(a uintptr, n int) // ERROR "assuming a is unsafe uintptr"

//go:uintptrkeepalive
//go:nosplit
func keep(a, b uintptr) {
}

func plain(a uintptr) {
}

func f(p *int, q unsafe.Pointer) { // ERROR "live at entry to f: p q$" "p does not escape" "q does not escape"
	ext(uintptr(unsafe.Pointer(p)), 1) // ERROR "live at call to ext: q .autotmp_[0-9]+$" "stack object .autotmp_[0-9]+ unsafe.Pointer$"
	keep(uintptr(q), 2)                // ERROR "live at call to keep: q .autotmp_[0-9]+$" "stack object .autotmp_[0-9]+ unsafe.Pointer$"
	plain(uintptr(q))
}
