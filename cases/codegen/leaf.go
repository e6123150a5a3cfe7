// asmcheck

package codegen

func leaf(x, y int) int {
	z := x*y + 3 // amd64:-"call"
	return z - x // amd64:-"call"
}

// A small callee is inlined: no call remains.
func caller(x int) int {
	return leaf(x, x) // amd64:-"call"
}

//go:noinline
func kept(x, y int) int { return x - y }

// go:noinline keeps the call.
func caller2(x int) int {
	return kept(x, x) // amd64:"call\t.*[.]kept"
}
