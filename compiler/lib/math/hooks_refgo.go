//go:build refgo

package math

// sqrt returns the IEEE 754 square root of x, correctly rounded (SQRTSD):
// Sqrt(+Inf) = +Inf, Sqrt(±0) = ±0, Sqrt(x < 0) = NaN, Sqrt(NaN) = NaN.
// Provided by refgo's runtime.
func sqrt(x float64) float64
