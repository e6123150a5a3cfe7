// errorcheck -0 -live

// An inlined body's variables and temporaries keep their names (`t`, not the
// inliner's renamed slot) and are declared at the call: newT's t leaks to its result
// and lives on the heap in newT, but the copy in use keeps t, and the header of t's
// map, in use's frame.

package main

func printnl()

//go:noescape
func keep(*T)

type T struct {
	m map[int]int
}

func newT() *T {
	t := T{}
	t.m = make(map[int]int, 20) // ERROR "live at call to makemap: &t$"
	return &t
}

func use() {
	p := newT() // ERROR "stack object t T$" "stack object .autotmp_[0-9]+ map.hdr\[int\]int$"
	printnl()   // ERROR "live at call to printnl: t$"
	keep(p)
}
