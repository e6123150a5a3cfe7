// run

// Unsigned division and remainder by constants (compiled as multiplies by a
// reciprocal, or shifts and masks for powers of two) over edge and spread values
// of every unsigned width.
package main

import "fmt"

func main() {
	x := uint64(0x9e3779b97f4a7c15)
	vals := []uint64{0, 1, 2, 6, 7, 9, 10, 11, 99, 100, 1<<32 - 1, 1 << 32, 1<<63 - 1, 1 << 63, 1<<64 - 1, 1<<64 - 2, 18446744073709551610}
	for i := 0; i < 40; i++ {
		x = x*6364136223846793005 + 1442695040888963407
		vals = append(vals, x, x>>17, x>>40)
	}
	for _, v := range vals {
		fmt.Println(v, v/3, v%3, v/7, v%7, v/10, v%10, v/100, v%100, v/1000000007, v%1000000007,
			v/(1<<63-25), v%(1<<63-25), v/16, v%16, v/(1<<40), v%(1<<40), v/641, v%641)
		u32, u16, u8 := uint32(v), uint16(v), uint8(v)
		fmt.Println(u32/10, u32%10, u32/7, u32%7, u32/65537, u32%65537, u16/10, u16%10, u16/7, u16%7, u8/10, u8%10, u8/3, u8%3, uint(v)/12, uint(v)%12, uintptr(v)/24)
	}
}
