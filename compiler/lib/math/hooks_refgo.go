//go:build refgo

package math

// sqrt returns the IEEE 754 square root of x, correctly rounded (SQRTSD):
// Sqrt(+Inf) = +Inf, Sqrt(±0) = ±0, Sqrt(x < 0) = NaN, Sqrt(NaN) = NaN.
// Provided by refgo's runtime.
func sqrt(x float64) float64

// haveFMA reports whether the CPU has AVX and FMA and the OS saves the AVX
// registers (CPUID leaf 1 ECX bits 28, 12 and 27, XCR0 bits 1 and 2), gc's
// test for its fused multiply-add paths. Provided by refgo's runtime.
func haveFMA() bool

// fma returns x*y + z rounded once, by VFMADD231SD (z the destination, NaN
// operands propagating in that instruction's order). Only called when
// haveFMA. Provided by refgo's runtime.
func fma(x, y, z float64) float64
