// run

// Constants convert to float32 with one rounding to nearest-even, never through
// float64 first (which would turn a value just below a tie into a tie).

package main

const max32 = 0x1p127 * (1 + (1 - 0x1p-23))
const ulp32 = 0x1p104

func main() {
	x := float32(max32 + ulp32/2 - 1)
	println(x == max32)
	println(float32(1+0x1p-24+0x1p-60) > 1, float32(1+0x1p-24) == 1, float32(1+3*0x1p-24) > 1+0x1p-23)
	var s float32 = 0x1p-149 * 0.75
	var z float32 = 0x1p-149 * 0.5
	println(s == 0x1p-149, z == 0, float32(-0x1p-149*0.75) < 0)
	var d float64 = 1 + 0x1p-53 + 0x1p-80
	println(d > 1)
}
