// run

// math/bits functions lowered to instructions, over edge values.

package main

import (
	"fmt"
	"math/bits"
)

var xs = []uint64{0, 1, 2, 3, 255, 256, 1<<31 - 1, 1 << 32, 1<<63 - 1, 1 << 63, 1<<64 - 1, 0xdeadbeefcafebabe, 12345678901234567}

func main() {
	for _, x := range xs {
		for _, y := range xs {
			hi, lo := bits.Mul64(x, y)
			h2, l2 := bits.Mul(uint(x), uint(y))
			fmt.Println(x, y, hi, lo, h2, l2)
		}
		fmt.Println(bits.Len64(x), bits.Len(uint(x)), bits.LeadingZeros64(x), bits.LeadingZeros(uint(x)),
			bits.TrailingZeros64(x), bits.TrailingZeros(uint(x)))
	}
	var z uint64
	fmt.Println(bits.Len64(z), bits.LeadingZeros64(z), bits.TrailingZeros64(z))
}
