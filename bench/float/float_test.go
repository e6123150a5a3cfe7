// Package float holds floating-point micro-benchmarks of the kind a new user writes
// first: 4x4 matrix products, a polynomial with constants, and the math functions gc
// turns into instructions. Results go to package-level sinks so neither compiler can
// drop the work.
package float

import (
	"math"
	"testing"
)

type Mat4 [4][4]float64

var sinkM Mat4
var sinkF float64

//go:noinline
func mul(a, b *Mat4) Mat4 {
	var c Mat4
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			s := 0.0
			for k := 0; k < 4; k++ {
				s += a[i][k] * b[k][j]
			}
			c[i][j] = s
		}
	}
	return c
}

// BenchmarkMatMul4 multiplies 4x4 float64 matrices, one product per op.
func BenchmarkMatMul4(b *testing.B) {
	var x, y Mat4
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			x[i][j] = float64(i+j) * 0.25
			y[i][j] = float64(i-j) * 0.5
		}
	}
	for n := 0; n < b.N; n++ {
		x = mul(&x, &y)
		if x[0][0] > 1e100 || x[0][0] < -1e100 {
			x[0][0] = 1
		}
	}
	sinkM = x
}

// BenchmarkHorner evaluates a degree-7 polynomial with constant coefficients.
func BenchmarkHorner(b *testing.B) {
	s := 0.0
	for n := 0; n < b.N; n++ {
		x := float64(n&1023) * (1.0 / 1024)
		s += ((((((0.5*x+1.25)*x-2.5)*x+0.125)*x+3.0)*x-1.5)*x+0.75)*x + 1.0
	}
	sinkF = s
}

// BenchmarkMathIntrinsics calls the math functions gc compiles to single instructions.
func BenchmarkMathIntrinsics(b *testing.B) {
	s := 0.0
	for n := 0; n < b.N; n++ {
		x := float64(n&1023) - 511.5
		s += math.Sqrt(math.Abs(x)) + math.Floor(x) + math.Ceil(x) + math.Trunc(x) +
			math.Copysign(1.5, x) + math.FMA(x, 0.5, s*1e-9)
	}
	sinkF = s
}
