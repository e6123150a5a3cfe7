// asmcheck

package codegen

// The slice header walk copies for the swap's left-hand side is read from the slice
// itself (the copy goes), so the loop reads the data pointer from a register copy made
// before it, not from the frame, where p stays because it is live across mk's call.

//go:noinline
func mk(n int) []int { return make([]int, n) }

func rev(n int) int {
	p := mk(n)
	q := mk(n)
	for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
		p[i], p[j] = p[j], p[i] // amd64:-`movq\t-?[0-9]+\(%rbp\)`
	}
	return p[0] + q[0]
}
