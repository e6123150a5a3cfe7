// run

// A tour of package math as programs use it: printed results of the
// elementary and special functions, their special cases, and the constants.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Pi, math.E, math.Sqrt2, math.Ln2, math.Log2E, math.Log10E, math.SqrtE)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32, math.SmallestNonzeroFloat32)
	fmt.Println(math.MaxInt, math.MinInt64, uint64(math.MaxUint64), math.MaxInt8, math.MinInt16)

	xs := []float64{-2.5, -1, -0.5, 0, 0.25, 0.5, 1, 2, 3.75, 10, 100}
	for _, x := range xs {
		fmt.Printf("%6.2f | %v %v %v %v\n", x, math.Exp(x), math.Sin(x), math.Cos(x), math.Tan(x))
		fmt.Printf("       | %v %v %v %v\n", math.Log(x), math.Log2(x), math.Log10(x), math.Log1p(x))
		fmt.Printf("       | %v %v %v %v\n", math.Atan(x), math.Asin(x), math.Acos(x), math.Sinh(x))
		fmt.Printf("       | %v %v %v %v\n", math.Cosh(x), math.Tanh(x), math.Asinh(x), math.Acosh(x))
		fmt.Printf("       | %v %v %v %v\n", math.Atanh(x), math.Cbrt(x), math.Expm1(x), math.Exp2(x))
		lg, sign := math.Lgamma(x)
		fmt.Printf("       | %v %v %v %v\n", math.Gamma(x), lg, sign, math.Erf(x))
		fmt.Printf("       | %v %v %v %v\n", math.Erfc(x), math.J0(x), math.J1(x), math.Jn(3, x))
		fmt.Printf("       | %v %v %v %v\n", math.Y0(x), math.Y1(x), math.Yn(2, x), math.Erfinv(x/10))
	}

	fmt.Println(math.Pow(2, 10), math.Pow(2, 0.5), math.Pow(-8, 1.0/3), math.Pow(-2, 3), math.Pow(0, -1))
	fmt.Println(math.Pow(10, 308), math.Pow(10, 309), math.Pow(1.0000001, 1e9), math.Pow10(-5), math.Pow10(400))
	fmt.Println(math.Hypot(3, 4), math.Atan2(1, -1), math.Atan2(-0.0, -1), math.Mod(7, -3), math.Mod(-7.5, 2))
	fmt.Println(math.Remainder(7, 3), math.Remainder(8, 3), math.Dim(5, 3), math.Dim(3, 5))
	fmt.Println(math.Max(3, math.NaN()), math.Min(-0.0, 0), math.Max(-0.0, 0), math.FMA(0.1, 10, -1))
	fmt.Println(math.Floor(-2.5), math.Ceil(-2.5), math.Trunc(-2.5), math.Round(-2.5), math.RoundToEven(-2.5))
	frac, exp := math.Frexp(1000)
	ip, fp := math.Modf(-3.25)
	s, c := math.Sincos(1)
	fmt.Println(frac, exp, math.Ldexp(frac, exp), ip, fp, s, c)
	fmt.Println(math.Logb(1000), math.Ilogb(0.001), math.Nextafter(1, 2), math.Nextafter32(1, 0))
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN(), math.IsNaN(math.Log(-1)), math.IsInf(math.Exp(1000), 1))
	fmt.Println(math.Signbit(math.Copysign(3, -0.0)), math.Abs(-0.0), math.Sqrt(-1), math.Sqrt(2))
	fmt.Println(math.Sin(1e300), math.Cos(1e22), math.Tan(math.Pi/2), math.Exp(-746), math.Log(0))
	fmt.Printf("%x %x\n", math.Float64bits(math.Exp(1)), math.Float32bits(float32(math.Pi)))

	// A little numerical work: Simpson's rule and Newton's method.
	n := 1000
	h := math.Pi / float64(n)
	sum := math.Sin(0) + math.Sin(math.Pi)
	for i := 1; i < n; i++ {
		w := 2.0
		if i%2 == 1 {
			w = 4
		}
		sum += w * math.Sin(float64(i)*h)
	}
	fmt.Println("integral of sin over [0, pi]:", sum*h/3)
	x := 1.0
	for i := 0; i < 6; i++ {
		x -= (math.Cos(x) - x) / (-math.Sin(x) - 1)
	}
	fmt.Println("cos x = x at", x)
}
