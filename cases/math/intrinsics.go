// run

// math's instruction-backed functions (SQRTSD, ROUNDSD, MOVQ) on the edges: signed
// zeros, halves, the largest non-integral values, infinities, NaN and subnormals.
package main

import (
	"fmt"
	"math"
)

func main() {
	xs := []float64{0, math.Copysign(0, -1), 0.5, -0.5, 1.5, -1.5, 2.5, -2.5,
		0.49999999999999994, -0.49999999999999994, 4503599627370495.5, -4503599627370495.5,
		4503599627370497, 1e300, -1e-310, 5e-324, math.Inf(1), math.Inf(-1), math.NaN(), 2, 4}
	for _, x := range xs {
		fmt.Println(x, math.Sqrt(x), math.Floor(x), math.Ceil(x), math.Trunc(x),
			math.Abs(x), math.Copysign(3, x), math.Signbit(x))
		fmt.Println(math.Float64bits(x), math.Float64frombits(math.Float64bits(x)^1),
			math.Float32bits(float32(x)), math.Float32frombits(math.Float32bits(float32(x))+1))
	}
	f := math.Sqrt
	fmt.Println(f(2), math.Sqrt(-1), math.Floor(-0.0) == 0)
}
