// run

// math/bits: counting, rotating, reversing and full-width arithmetic, and the
// run-time errors of Div.
package main

import (
	"fmt"
	"math/bits"
)

func main() {
	vals := []uint64{0, 1, 2, 3, 0x80, 0xff, 0x100, 0x8000, 0xffff, 0x12345678, 1 << 31,
		0xffffffff, 1 << 32, 0xdeadbeefcafebabe, 1<<63 - 1, 1 << 63, 1<<64 - 1}
	for _, v := range vals {
		fmt.Println(v, bits.LeadingZeros64(v), bits.TrailingZeros64(v), bits.OnesCount64(v),
			bits.Len64(v), bits.Reverse64(v), bits.ReverseBytes64(v),
			bits.RotateLeft64(v, 7), bits.RotateLeft64(v, -9))
		fmt.Println("  32:", bits.LeadingZeros32(uint32(v)), bits.TrailingZeros32(uint32(v)),
			bits.OnesCount32(uint32(v)), bits.Len32(uint32(v)), bits.Reverse32(uint32(v)),
			bits.ReverseBytes32(uint32(v)), bits.RotateLeft32(uint32(v), 5))
		fmt.Println("  16:", bits.LeadingZeros16(uint16(v)), bits.TrailingZeros16(uint16(v)),
			bits.OnesCount16(uint16(v)), bits.Len16(uint16(v)), bits.Reverse16(uint16(v)),
			bits.ReverseBytes16(uint16(v)), bits.RotateLeft16(uint16(v), -3))
		fmt.Println("  8:", bits.LeadingZeros8(uint8(v)), bits.TrailingZeros8(uint8(v)),
			bits.OnesCount8(uint8(v)), bits.Len8(uint8(v)), bits.Reverse8(uint8(v)),
			bits.RotateLeft8(uint8(v), 3))
		fmt.Println("  uint:", bits.LeadingZeros(uint(v)), bits.TrailingZeros(uint(v)),
			bits.OnesCount(uint(v)), bits.Len(uint(v)), bits.Reverse(uint(v)),
			bits.ReverseBytes(uint(v)), bits.RotateLeft(uint(v), 63))
	}
	fmt.Println(bits.UintSize)
	for _, x := range vals {
		for _, y := range []uint64{1, 3, 0xffffffff, 1 << 63, 1<<64 - 1} {
			s, c := bits.Add64(x, y, 1)
			d, b := bits.Sub64(x, y, 1)
			hi, lo := bits.Mul64(x, y)
			q, r := bits.Div64(hi%y, lo, y)
			fmt.Println(x, y, s, c, d, b, hi, lo, q, r, bits.Rem64(hi, lo, y))
			s32, c32 := bits.Add32(uint32(x), uint32(y), 0)
			d32, b32 := bits.Sub32(uint32(x), uint32(y), 1)
			h32, l32 := bits.Mul32(uint32(x), uint32(y))
			fmt.Println("  ", s32, c32, d32, b32, h32, l32, bits.Rem32(h32, l32, uint32(y)|1))
			su, cu := bits.Add(uint(x), uint(y), 0)
			du, bu := bits.Sub(uint(x), uint(y), 0)
			hu, lu := bits.Mul(uint(x), uint(y))
			qu, ru := bits.Div(hu%uint(y), lu, uint(y))
			fmt.Println("  ", su, cu, du, bu, hu, lu, qu, ru, bits.Rem(hu, lu, uint(y)))
		}
	}
	q32, r32 := bits.Div32(5, 7, 9)
	fmt.Println(q32, r32)
	try("Div64 by zero", func() { bits.Div64(0, 1, 0) })
	try("Div64 overflow", func() { bits.Div64(5, 1, 5) })
	try("Div32 overflow", func() { bits.Div32(9, 1, 3) })
	try("Rem64 by zero", func() { bits.Rem64(1, 1, 0) })
}

func try(name string, f func()) {
	defer func() {
		e := recover()
		_, isErr := e.(error)
		fmt.Println(name+":", e, isErr)
	}()
	f()
}
