// asmcheck

package codegen

import "math/bits"

func mul(x, y uint64) (uint64, uint64) {
	return bits.Mul64(x, y) // amd64:"mulq"
}

func length(x uint64) int {
	return bits.Len64(x) // amd64:"bsrq",-"call"
}

func lead(x uint) int {
	return bits.LeadingZeros(x) // amd64:"bsrq",-"call"
}

func trail(x uint64) int {
	return bits.TrailingZeros64(x) // amd64:"bsfq",-"call"
}
