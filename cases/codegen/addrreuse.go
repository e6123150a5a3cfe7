// asmcheck

package codegen

// An element address is one leaq from the base and index registers, and an address
// computed again while its temporary still holds it is not computed again: the swap
// reads and writes p[i] and p[j] through two addresses built once each.

func swap(p []int, i, j int) {
	p[i], p[j] = p[j], p[i] // amd64:`leaq\t\(%r[0-9a-z]+,%r[0-9a-z]+,8\)`,-`shlq`
}

func get32(p []int32, k int) int32 {
	return p[k] // amd64:`leaq\t\(%r[0-9a-z]+,%r[0-9a-z]+,4\)`,-`shlq`
}

func getset(p []int, k int) int {
	j := p[k] // amd64:`leaq`
	p[k] = k  // amd64:-`leaq`,-`shlq`,-`addq`
	return j
}
