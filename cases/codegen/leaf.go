// asmcheck

package codegen

func leaf(x, y int) int {
	z := x*y + 3 // amd64:-"call"
	return z - x // amd64:-"call"
}

func caller(x int) int {
	return leaf(x, x) // amd64:"call\t.*[.]leaf"
}
