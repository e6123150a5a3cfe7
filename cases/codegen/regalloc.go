// asmcheck

package codegen

// Loop counters and sums live in registers; the loop's compare feeds its branch
// directly, with no boolean stored.
func sum(n int) int {
	s := 0
	for i := 0; i < n; i++ { // amd64:`cmpq`,-`setl`,-`testb`
		s += i // amd64:-`\(%rbp\)`,-`\(%rsp\)`
	}
	return s
}

// A value live across a call stays in a callee-saved register, saved and restored by
// the function.
func across(n int) int {
	k := n * 3 // amd64:`.*%rbx`
	use(n)
	return k + 1 // amd64:`.*%rbx`
}

//go:noinline
func use(n int) {}

// A pointer live across a call stays in the frame, where the stack maps name it.
func keep(p *int) int {
	q := p
	use(1)
	return *q // amd64:`.*\(%rbp\), %r`
}
