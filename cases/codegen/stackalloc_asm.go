// asmcheck

package codegen

// Non-escaping new(T), &T{...}, make([]T, const), slice literals and func literals
// are stack temporaries (no runtime call); escaping ones still allocate.

type T struct{ a, b int }

func f(x int) int {
	p := &T{x, 2}  // amd64:-"newobject"
	q := new(int)  // amd64:-"newobject"
	*q = p.a + p.b
	s := make([]int, 8) // amd64:-"makeslice"
	s[1] = *q
	g := func() { s[0]++ } // amd64:-"mallocgc"
	g()
	return s[1] + s[0]
}

func lit(x int) int {
	s := []int{x, x + 1} // amd64:-"newobject"
	return s[0] + s[1]
}

var sink *T

func esc(x int) {
	sink = &T{x, 1} // amd64:"call\t.*newobject"
}

func dyn(n int) int {
	s := make([]int, n) // amd64:"call\t.*makeslice"
	return len(s)
}

func loop(n int) int {
	k := 0
	for i := 0; i < n; i++ {
		h := func() { k += i } // amd64:-"mallocgc"
		h()
	}
	return k
}
