// Package math is Go 1.19's math: constants, IEEE 754 bit conversions and the
// elementary and special functions, with results bit-identical to gc 1.19's on
// amd64.
//
//	math.MaxInt64, math.MaxFloat64, math.Pi
//	math.Float64bits(1.0)           // 0x3ff0000000000000
//	math.Exp(1), math.Pow(2, 0.5), math.Sin(math.Pi/6), math.Lgamma(-2.5)
//
// Each function evaluates the same operations in the same order as the code gc
// runs on amd64: the portable algorithms (from FreeBSD's msun and Cephes), and
// where gc uses assembly instead the algorithm of that assembly (Exp, Log,
// Hypot, Max, Min; Floor, Ceil, Trunc and RoundToEven are exact either way).
// Exp, like gc's, takes a fused multiply-add path when the CPU has AVX and
// FMA, so its last bit depends on the machine exactly as gc's does. Sqrt and
// the fused multiply-add are runtime hooks (SQRTSD, VFMADD231SD).
package math

import "unsafe"

// Integer limits.
const (
	MaxInt    = 1<<63 - 1
	MinInt    = -1 << 63
	MaxInt8   = 1<<7 - 1
	MinInt8   = -1 << 7
	MaxInt16  = 1<<15 - 1
	MinInt16  = -1 << 15
	MaxInt32  = 1<<31 - 1
	MinInt32  = -1 << 31
	MaxInt64  = 1<<63 - 1
	MinInt64  = -1 << 63
	MaxUint   = 1<<64 - 1
	MaxUint8  = 1<<8 - 1
	MaxUint16 = 1<<16 - 1
	MaxUint32 = 1<<32 - 1
	MaxUint64 = 1<<64 - 1
)

// Floating-point limits: the largest finite values and the smallest positive
// (subnormal) ones.
const (
	MaxFloat32             = 0x1p127 * (1 + (1 - 0x1p-23))
	SmallestNonzeroFloat32 = 0x1p-126 * 0x1p-23
	MaxFloat64             = 0x1p1023 * (1 + (1 - 0x1p-52))
	SmallestNonzeroFloat64 = 0x1p-1022 * 0x1p-52
)

// Mathematical constants (OEIS A001113, A000796, A001622, A002193, A019774,
// A002161, A139339, A002162, A002392).
const (
	E   = 2.71828182845904523536028747135266249775724709369995957496696763
	Pi  = 3.14159265358979323846264338327950288419716939937510582097494459
	Phi = 1.61803398874989484820458683436563811772030917980576286213544862

	Sqrt2   = 1.41421356237309504880168872420969807856967187537694807317667974
	SqrtE   = 1.64872127070012814684865078781416357165377610071014801157507931
	SqrtPi  = 1.77245385090551602729816748334114518279754945612238712821380779
	SqrtPhi = 1.27201964951406896425242246173749149171560804184009624861664038

	Ln2    = 0.693147180559945309417232121458176568075500134360255254120680009
	Log2E  = 1 / Ln2
	Ln10   = 2.30258509299404568401799145468436420760110148862877297603332790
	Log10E = 1 / Ln10
)

// Float64bits returns the IEEE 754 binary representation of f.
func Float64bits(f float64) uint64 { return *(*uint64)(unsafe.Pointer(&f)) }

// Float64frombits returns the float64 whose IEEE 754 representation is b.
func Float64frombits(b uint64) float64 { return *(*float64)(unsafe.Pointer(&b)) }

// Float32bits returns the IEEE 754 binary representation of f.
func Float32bits(f float32) uint32 { return *(*uint32)(unsafe.Pointer(&f)) }

// Float32frombits returns the float32 whose IEEE 754 representation is b.
func Float32frombits(b uint32) float32 { return *(*float32)(unsafe.Pointer(&b)) }

// The fields of a float64: sign, 11-bit exponent (bias 1023), 52-bit fraction.
const (
	signMask = 1 << 63
	expShift = 52
	expMask  = 0x7FF
	expBias  = 1023
	fracMask = 1<<expShift - 1
	uvinf    = 0x7FF0000000000000
	uvnan    = 0x7FF8000000000001
	uvone    = 0x3FF0000000000000
)

// Inf returns +Inf if sign >= 0, else -Inf.
func Inf(sign int) float64 {
	if sign >= 0 {
		return Float64frombits(0x7FF0000000000000)
	}
	return Float64frombits(0xFFF0000000000000)
}

// NaN returns an IEEE 754 "not-a-number" value.
func NaN() float64 { return Float64frombits(uvnan) }

// IsNaN reports whether f is a NaN.
func IsNaN(f float64) bool { return f != f }

// IsInf reports whether f is +Inf (sign > 0), -Inf (sign < 0) or either (sign == 0).
func IsInf(f float64, sign int) bool {
	return sign >= 0 && f > MaxFloat64 || sign <= 0 && f < -MaxFloat64
}

// Signbit reports whether x is negative or negative zero.
func Signbit(x float64) bool { return Float64bits(x)&signMask != 0 }

// Copysign returns a value with the magnitude of f and the sign of sign.
func Copysign(f, sign float64) float64 {
	return Float64frombits(Float64bits(f)&^signMask | Float64bits(sign)&signMask)
}

// Abs returns the absolute value of x.
func Abs(x float64) float64 { return Float64frombits(Float64bits(x) &^ signMask) }

// normalize returns a subnormal x scaled into the normal range and the power
// of two it was scaled by; other x unchanged and 0.
func normalize(x float64) (y float64, exp int) {
	if Abs(x) < 0x1p-1022 {
		return x * (1 << 52), -52
	}
	return x, 0
}
