// Command math_check checks math's constants, bit conversions and exact functions.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.MaxInt, math.MinInt, math.MaxInt8, math.MinInt8, math.MaxInt16, math.MinInt16,
		math.MaxInt32, math.MinInt32, math.MaxInt64, math.MinInt64)
	fmt.Println(uint64(math.MaxUint), math.MaxUint8, math.MaxUint16, math.MaxUint32, uint64(math.MaxUint64))
	fmt.Println(math.MaxFloat32, math.SmallestNonzeroFloat32, math.MaxFloat64, math.SmallestNonzeroFloat64)
	fmt.Println(math.E, math.Pi, math.Phi, math.Sqrt2, math.SqrtE, math.SqrtPi, math.SqrtPhi, math.Ln2,
		math.Log2E, math.Ln10, math.Log10E, float32(math.Pi))
	vals := []float64{0, math.Copysign(0, -1), 0.4, 0.5, 0.49999999999999994, 1.5, 2.5, -0.5, -1.5, -2.5,
		3.7, -3.7, 1e300, -1e-300, 4503599627370495.5, 4503599627370497, math.Inf(1), math.Inf(-1),
		math.NaN(), math.MaxFloat64, math.SmallestNonzeroFloat64, 2, 1e-310, 0.1}
	for _, v := range vals {
		i, f := math.Modf(v)
		fmt.Printf("%v: bits=%#x trunc=%v floor=%v ceil=%v round=%v even=%v abs=%v sqrt=%v modf=%v,%v "+
			"signbit=%v nan=%v inf=%v/%v/%v\n", v, math.Float64bits(v), math.Trunc(v), math.Floor(v),
			math.Ceil(v), math.Round(v), math.RoundToEven(v), math.Abs(v), math.Sqrt(v), i, f,
			math.Signbit(v), math.IsNaN(v), math.IsInf(v, 0), math.IsInf(v, 1), math.IsInf(v, -1))
	}
	pairs := [][2]float64{{1, 2}, {2, 1}, {0, math.Copysign(0, -1)}, {math.Copysign(0, -1), 0},
		{math.NaN(), 1}, {math.Inf(1), math.NaN()}, {math.Inf(-1), math.NaN()}, {-3, 3}}
	for _, p := range pairs {
		fmt.Println(p, math.Max(p[0], p[1]), math.Min(p[0], p[1]), math.Copysign(p[0], p[1]))
	}
	fmt.Println(math.Float64frombits(0x4000000000000000), math.Float32bits(1.5), math.Float32frombits(0x40490fdb))
	fmt.Println(math.Inf(0), math.Inf(-5), math.IsNaN(math.NaN()))
}
