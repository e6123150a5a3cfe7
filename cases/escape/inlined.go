// errorcheck -0 -m

// gc inlines before escape analysis, so a copy of an inlined body decides anew where
// its variables and sites live: newT's t leaks to its result, so newT's own body moves
// it to the heap, yet a caller that keeps the result in its frame gets t and t's map
// on its stack; a caller that lets the result leave gets them on the heap.

package p

type T struct {
	m map[int]int
	n *int
}

func newT(n *int) *T { // ERROR "can inline newT" "leaking param: n"
	t := T{n: n}                  // ERROR "moved to heap: t"
	t.m = make(map[int]int, 16) // ERROR "make\(map\[int\]int, 16\) escapes to heap"
	return &t
}

func (t *T) get(k int) int { // ERROR "can inline \(\*T\).get" "t does not escape"
	return t.m[k] + *t.n
}

var sink *T

func local(k int) int { // ERROR "can inline local"
	n := k
	t := newT(&n)   // ERROR "inlining call to newT" "make\(map\[int\]int, 16\) does not escape"
	t.m[k] = k
	return t.get(k) // ERROR "inlining call to \(\*T\).get"
}

func leaves(k int) { // ERROR "can inline leaves"
	n := k            // ERROR "moved to heap: n"
	sink = newT(&n)   // ERROR "inlining call to newT" "make\(map\[int\]int, 16\) escapes to heap" "moved to heap: t"
}

func loop(k int) (s int) { // ERROR "can inline loop"
	n := k
	for i := 0; i < k; i++ {
		t := newT(&n) // ERROR "inlining call to newT" "make\(map\[int\]int, 16\) does not escape"
		s += t.get(i) // ERROR "inlining call to \(\*T\).get"
	}
	return s
}
