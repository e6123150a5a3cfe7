// errorcheckwithauto -0 -l -live
// refgo-only: refgo passes arguments on the stack (gc 1.19 uses registers, and reports their spill slots)

// A value read in a later iteration is live across every call in the loop body, and
// a value only read after the loop is live across the loop. f2's range loop reads the
// slice's words from s itself (fold reads a copy's words from its source while the
// source is unchanged, and drops the copy), so s, not a temporary, is live there.

package main

func h() {}

var sink *int

func f1(p, q *int, n int) { // ERROR "live at entry to f1: p q$"
	for i := 0; i < n; i++ {
		h() // ERROR "live at call to h: p q$"
		sink = p
	}
	h() // ERROR "live at call to h: q$"
	sink = q
}

func f2(s []*int) { // ERROR "live at entry to f2: s$"
	for _, p := range s {
		h() // ERROR "live at call to h: s p$"
		sink = p
	}
}

func main() {
	f1(nil, nil, 1)
	f2(nil)
}
