// run

// Bad input as gc on amd64: float-to-integer conversions of NaN, infinities and
// values out of range (CVTTSD2SQ's "integer indefinite", then truncated), integer
// division by zero and shifts by a negative amount (run-time panics).
package main

import (
	"fmt"
	"math"
)

//go:noinline
func div(a, b int) int { return a / b }

//go:noinline
func mod(a, b int32) int32 { return a % b }

//go:noinline
func shl(x int, s int) int { return x << s }

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	xs := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1e19, -1e19, 9.3e18, -9.3e18,
		4294967296.5, -2147483649, 65536.7, -129.9, 255.9, 1.8446744073709552e19, -0.9, 0.9}
	for _, x := range xs {
		fmt.Println(x, int64(x), int32(x), int16(x), int8(x), int(x))
		fmt.Println(x, uint64(x), uint32(x), uint16(x), uint8(x), uint(x))
		f := float32(x)
		fmt.Println(f, int64(f), int32(f), uint64(f), uint32(f))
	}
	try("div", func() { fmt.Println(div(1, 0)) })
	try("mod", func() { fmt.Println(mod(1, 0)) })
	try("divmin", func() { fmt.Println(div(math.MinInt64, -1), mod(math.MinInt32, -1)) })
	try("shl", func() { fmt.Println(shl(1, -1)) })
	try("shl64", func() { fmt.Println(shl(1, 64), shl(-1, 63)) })
	zero := 0.0
	fmt.Println(1/zero, -1/zero, zero/zero == zero/zero, math.Sqrt(-1))
}
