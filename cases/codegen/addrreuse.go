// asmcheck

package codegen

// An element access is one load or store addressing the base and index registers
// (base,index,scale): no address temporary, no shift, no add. The swap reads and
// writes p[i] and p[j] in four such moves.

func swap(p []int, i, j int) {
	p[i], p[j] = p[j], p[i] // amd64:`movq\t0\(%r[0-9a-z]+,%r[0-9a-z]+,8\), `,-`leaq`,-`shlq`
}

func get32(p []int32, k int) int32 {
	return p[k] // amd64:`movl\t0\(%r[0-9a-z]+,%r[0-9a-z]+,4\), `,-`leaq`,-`shlq`
}

func getset(p []int, k int) int {
	j := p[k] // amd64:`movq\t0\(%r[0-9a-z]+,%r[0-9a-z]+,8\), `
	p[k] = k  // amd64:`movq\t%r[0-9a-z]+, 0\(%r[0-9a-z]+,%r[0-9a-z]+,8\)`,-`leaq`,-`shlq`,-`addq`
	return j
}

func first(p []int) int {
	return p[0] + p[2] // amd64:`movq\t0\(%r[0-9a-z]+\), `,`movq\t16\(%r[0-9a-z]+\), `,-`shlq`
}
