// asmcheck

package codegen

// A bounds check an earlier check on the same path decided is gone.

func again(p []int, i int) int {
	p[i]++
	return p[i] // amd64:-"jae"
}

func firstThenZero(p []int, i int) int {
	x := p[i]
	return x + p[0] // amd64:-"jae"
}

func changed(p []int, i int) int {
	x := p[i]
	i++
	return x + p[i] // amd64:"jae"
}
