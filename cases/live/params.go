// errorcheckwithauto -0 -l -live
// refgo-only: refgo passes arguments on the stack (gc 1.19 uses registers, and reports their spill slots)

// Pointer, string, slice and map parameters: live at entry when some path reads their
// pointer word, then live at each call until their last use. Only pointer words count:
// len(b) reads no pointer, and int parameters are never reported.

package main

func g(p *int)       {}
func h()             {}
func gs(s string)    {}
func gb(b []int) int { return len(b) }

var sink *int

func f1(p, q *int) { // ERROR "live at entry to f1: p q$"
	h() // ERROR "live at call to h: p q$"
	g(q) // ERROR "live at call to g: p$"
	h() // ERROR "live at call to h: p$"
	sink = p
}

func f2(s string, n int) int { // ERROR "live at entry to f2: s$"
	h() // ERROR "live at call to h: s$"
	gs(s)
	h()
	return n
}

func f3(b []int, m map[int]int) int { // ERROR "live at entry to f3: b m$"
	h() // ERROR "live at call to h: b m$"
	x := gb(b) // ERROR "live at call to gb: m$"
	h() // ERROR "live at call to h: m$"
	return x + m[1]
}

func f4(p *int, b bool) *int { // ERROR "live at entry to f4: p$"
	if b {
		h() // ERROR "live at call to h: p$"
		return p
	}
	h()
	return nil
}

func f5(p *int) {
	h()
}

func main() {
	x := 1
	f1(&x, &x)
	f2("a", 1)
	f3(nil, nil)
	f4(nil, true)
	f5(nil)
}
