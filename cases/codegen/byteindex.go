// asmcheck

package codegen

// A byte element access is one load or store addressing the base and index
// registers with scale 1, not an address built by an add, and a byte loaded into a
// register is zero-extended (movzbq), so it never waits on the register's old value.

var table = [256]uint8{'A': 'T', 'C': 'G', 'G': 'C', 'T': 'A'}

func get(p []byte, k int) byte {
	return p[k] // amd64:`movzbq\t0\(%r[0-9a-z]+,%r[0-9a-z]+,1\), `,-`addq`,-`movb\t0\(`
}

func set(p []byte, k int, v byte) {
	p[k] = v // amd64:`movb\t%[0-9a-z]+, 0\(%r[0-9a-z]+,%r[0-9a-z]+,1\)`,-`addq`
}

func lookup(c byte) byte {
	return table[c] // amd64:`movzbq\t0\(%r[0-9a-z]+,%r[0-9a-z]+,1\), `,-`addq`
}

func revcomp(dst, src []byte) {
	w := len(dst)
	for _, c := range src { // amd64:`movzbq\t0\(%r[0-9a-z]+,%r[0-9a-z]+,1\), `,-`movb\t0\(`
		w--
		dst[w] = table[c] // amd64:`movzbq\t0\(%r[0-9a-z]+,%r[0-9a-z]+,1\), `,`movb\t%[0-9a-z]+, 0\(%r[0-9a-z]+,%r[0-9a-z]+,1\)`
	}
}
