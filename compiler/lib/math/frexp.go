package math

// Frexp breaks f into a fraction in [½, 1) and a power of two: f == frac × 2**exp
// (Frexp(±0) = ±0, 0; Frexp(±Inf) = ±Inf, 0; Frexp(NaN) = NaN, 0).
func Frexp(f float64) (frac float64, exp int) {
	if f == 0 || IsInf(f, 0) || IsNaN(f) {
		return f, 0
	}
	f, exp = normalize(f)
	b := Float64bits(f)
	exp += int(b>>expShift&expMask) - expBias + 1
	b = b&^(expMask<<expShift) | (expBias-1)<<expShift
	return Float64frombits(b), exp
}

// Ldexp returns frac × 2**exp, the inverse of Frexp, rounding a subnormal
// result once (Ldexp(±0, e) = ±0, Ldexp(±Inf, e) = ±Inf, Ldexp(NaN, e) = NaN).
func Ldexp(frac float64, exp int) float64 {
	if frac == 0 || IsInf(frac, 0) || IsNaN(frac) {
		return frac
	}
	frac, e := normalize(frac)
	exp += e
	b := Float64bits(frac)
	exp += int(b>>expShift)&expMask - expBias
	if exp < -1075 {
		return Copysign(0, frac)
	}
	if exp > 1023 {
		if frac < 0 {
			return Inf(-1)
		}
		return Inf(1)
	}
	scale := 1.0
	if exp < -1022 {
		// Build the number 2**53 higher and let one multiply round it.
		exp += 53
		scale = 1.0 / (1 << 53)
	}
	b = b&^(expMask<<expShift) | uint64(exp+expBias)<<expShift
	return scale * Float64frombits(b)
}

// Logb returns the binary exponent of x (Logb(±Inf) = +Inf, Logb(0) = -Inf,
// Logb(NaN) = NaN).
func Logb(x float64) float64 {
	switch {
	case x == 0:
		return Inf(-1)
	case IsInf(x, 0):
		return Inf(1)
	case IsNaN(x):
		return x
	}
	return float64(ilogb(x))
}

// Ilogb returns the binary exponent of x as an integer (Ilogb(±Inf) = MaxInt32,
// Ilogb(0) = MinInt32, Ilogb(NaN) = MaxInt32).
func Ilogb(x float64) int {
	switch {
	case x == 0:
		return MinInt32
	case IsNaN(x) || IsInf(x, 0):
		return MaxInt32
	}
	return ilogb(x)
}

// ilogb returns the binary exponent of the finite, nonzero x.
func ilogb(x float64) int {
	x, exp := normalize(x)
	return int(Float64bits(x)>>expShift&expMask) - expBias + exp
}

// Nextafter returns the next representable float64 after x towards y
// (x if x == y; NaN if either is NaN).
func Nextafter(x, y float64) (r float64) {
	switch {
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == y:
		return x
	case x == 0:
		return Copysign(Float64frombits(1), y)
	case (y > x) == (x > 0):
		return Float64frombits(Float64bits(x) + 1)
	}
	return Float64frombits(Float64bits(x) - 1)
}

// Nextafter32 returns the next representable float32 after x towards y
// (x if x == y; NaN if either is NaN).
func Nextafter32(x, y float32) (r float32) {
	switch {
	case IsNaN(float64(x)) || IsNaN(float64(y)):
		return float32(NaN())
	case x == y:
		return x
	case x == 0:
		return float32(Copysign(float64(Float32frombits(1)), float64(y)))
	case (y > x) == (x > 0):
		return Float32frombits(Float32bits(x) + 1)
	}
	return Float32frombits(Float32bits(x) - 1)
}
