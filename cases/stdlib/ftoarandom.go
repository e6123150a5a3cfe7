// run

// Shortest float formatting over values spread across the whole float64 and
// float32 ranges (bits from a fixed linear congruential sequence), in every
// shortest format, and through fmt's %v, %g, %e and %f without a precision.
package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	x := uint64(0x9e3779b97f4a7c15)
	next := func() uint64 {
		x = x*6364136223846793005 + 1442695040888963407
		return x
	}
	for i := 0; i < 400; i++ {
		b := next()
		f := math.Float64frombits(b &^ (1 << 62)) // exponent below 1024: no NaN or Inf
		f32 := math.Float32frombits(uint32(b>>32) &^ (1 << 30))
		fmt.Println(strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'e', -1, 64),
			strconv.FormatFloat(f, 'E', -1, 32), strconv.FormatFloat(float64(f32), 'g', -1, 32),
			strconv.FormatFloat(float64(f32), 'f', -1, 32))
		g := float64(int64(b>>(b%64))) / math.Pow10(int(b%23))
		fmt.Printf("%v %g %e %G %v\n", g, -g, g, float32(g), f32)
	}
	for e := 1; e < 2047; e += 7 {
		p := math.Float64frombits(uint64(e) << 52)
		fmt.Println(p, math.Nextafter(p, 0), math.Nextafter(p, math.Inf(1)))
	}
	for e := 1; e < 255; e += 3 {
		p := math.Float32frombits(uint32(e) << 23)
		fmt.Println(p, math.Nextafter32(p, 0), math.Nextafter32(p, float32(math.Inf(1))))
	}
	for _, s := range []string{"f", "e", "g"} {
		fmt.Println(strconv.FormatFloat(5e-324, s[0], -1, 64), strconv.FormatFloat(1e23, s[0], -1, 64),
			strconv.FormatFloat(math.MaxFloat64, s[0], -1, 64), strconv.FormatFloat(0.000123, s[0], -1, 64))
	}
}
