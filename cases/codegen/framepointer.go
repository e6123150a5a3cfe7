// asmcheck

package codegen

// A function that makes a call keeps the %rbp frame-pointer chain: tracebacks and the
// collector's stack walk follow it.
func f(a int) int { // amd64:`pushq\t%rbp`,`movq\t%rsp, %rbp`
	return g(a) + 1
}

// A leaf needs no frame; its parameters and results are addressed from %rsp.
//
//go:noinline
func g(a int) int { // amd64:-`pushq\t%rbp`,`movq\t8\(%rsp\), %r`
	return a + 1 // amd64:`movq\t%r.*, 16\(%rsp\)`,-`.*%rbp`
}

// A leaf whose only call is a panic pushes the frame on that path alone.
func h(i interface{}) int { // amd64:-`pushq\t%rbp`
	return i.(int) // amd64:`pushq\t%rbp`,`call\t"runtime\.panicdottype"`
}
