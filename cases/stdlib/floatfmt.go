// run

// Shortest float formatting as gc's: powers of two (whose rounding interval is
// lopsided, so the shortest digits may round up), float32 widened, subnormals and
// values needing 1 to 17 digits.
package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	for k := -1074; k <= 1023; k += 13 {
		v := math.Ldexp(1, k)
		fmt.Println(k, v, float32(v), strconv.FormatFloat(v, 'e', -1, 64))
	}
	for _, k := range []int{-1014, -1004, -959, -101, -96} {
		fmt.Println(k, math.Ldexp(1, k))
	}
	x := 1.0
	for i := 0; i < 40; i++ {
		x = x*1.37 + 0.1
		fmt.Println(x, 1/x, float32(x), strconv.FormatFloat(x, 'g', -1, 32))
	}
	fmt.Println(math.Pi, math.E, 0.1, 0.3, 1e23, 5e-324, math.MaxFloat64, 2.2250738585072014e-308)
}
