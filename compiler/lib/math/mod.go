package math

// Mod returns the remainder of x/y, with x's sign and |result| < |y|
// (Mod(±Inf, y), Mod(x, 0) and Mod with a NaN are NaN; Mod(x, ±Inf) = x).
func Mod(x, y float64) float64 {
	if y == 0 || IsInf(x, 0) || IsNaN(x) || IsNaN(y) {
		return NaN()
	}
	y = Abs(y)
	yfr, yexp := Frexp(y)
	r := x
	if x < 0 {
		r = -x
	}
	// Subtract y scaled by the largest power of two that keeps r >= 0: each
	// subtraction is exact.
	for r >= y {
		rfr, rexp := Frexp(r)
		if rfr < yfr {
			rexp--
		}
		r = r - Ldexp(y, rexp-yexp)
	}
	if x < 0 {
		r = -r
	}
	return r
}

// Remainder returns the IEEE 754 remainder x - n*y, n the integer nearest x/y
// (ties to even) (Remainder(±Inf, y), Remainder(x, 0) and NaNs give NaN;
// Remainder(x, ±Inf) = x).
func Remainder(x, y float64) float64 {
	const tiny = 4.45014771701440276618e-308 // 2**-1021
	switch {
	case IsNaN(x) || IsNaN(y) || IsInf(x, 0) || y == 0:
		return NaN()
	case IsInf(y, 0):
		return x
	}
	neg := x < 0
	if neg {
		x = -x
	}
	if y < 0 {
		y = -y
	}
	if x == y {
		if neg {
			return Copysign(0, -1)
		}
		return 0
	}
	if y <= MaxFloat64/2 {
		x = Mod(x, y+y) // x < 2y now
	}
	if y < tiny {
		// y/2 would lose a bit: compare doubled values instead.
		if x+x > y {
			x -= y
			if x+x >= y {
				x -= y
			}
		}
	} else {
		half := 0.5 * y
		if x > half {
			x -= y
			if x >= half {
				x -= y
			}
		}
	}
	if neg {
		x = -x
	}
	return x
}

// Dim returns the maximum of x-y and 0 (NaN if x-y is NaN).
func Dim(x, y float64) float64 {
	v := x - y
	if v <= 0 {
		return 0
	}
	return v
}

// Max returns the larger of x and y: +Inf if either is, NaN if either is,
// +0 for Max(+0, -0).
func Max(x, y float64) float64 {
	switch {
	case IsInf(x, 1) || IsInf(y, 1):
		return Inf(1)
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0 && x == y:
		if Signbit(x) {
			return y
		}
		return x
	case x > y:
		return x
	}
	return y
}

// Min returns the smaller of x and y: -Inf if either is, NaN if either is,
// -0 for Min(+0, -0).
func Min(x, y float64) float64 {
	switch {
	case IsInf(x, -1) || IsInf(y, -1):
		return Inf(-1)
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0 && x == y:
		if Signbit(x) {
			return x
		}
		return y
	case x < y:
		return x
	}
	return y
}
