// asmcheck

package codegen

// An element address is one leaq from the base and index registers.

func swap(p []int, i, j int) {
	p[i], p[j] = p[j], p[i] // amd64:`leaq\t\(%r[0-9a-z]+,%r[0-9a-z]+,8\)`,-`shlq`
}

func get32(p []int32, k int) int32 {
	return p[k] // amd64:`leaq\t\(%r[0-9a-z]+,%r[0-9a-z]+,4\)`,-`shlq`
}
