// asmcheck

package codegen

// Every function keeps the %rbp frame-pointer chain.
func f(a int) int { // amd64:"pushq\t%rbp","movq\t%rsp, %rbp"
	return a + 1
}
