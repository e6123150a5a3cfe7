package math

// Pow returns x**y, with the special cases of IEEE 754 pow (Pow(x, ±0) = 1,
// Pow(1, y) = 1, Pow(x, 1) = x, Pow(NaN, y) = NaN, Pow(±0, y) by the sign of y
// and whether it is an odd integer, Pow(-1, ±Inf) = 1, Pow(x < 0, y not an
// integer) = NaN, ...).
//
// gc's algorithm: y = yi + yf, |yf| <= ½; x**yf = Exp(yf·Log(x)) and x**yi by
// repeated squaring of x's Frexp fraction, with the exponents kept apart.
func Pow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case y == 1:
		return x
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0:
		switch {
		case y < 0:
			if isOddInt(y) {
				return Copysign(Inf(1), x)
			}
			return Inf(1)
		case y > 0:
			if isOddInt(y) {
				return x
			}
			return 0
		}
	case IsInf(y, 0):
		switch {
		case x == -1:
			return 1
		case (Abs(x) < 1) == IsInf(y, 1):
			return 0
		}
		return Inf(1)
	case IsInf(x, 0):
		if IsInf(x, -1) {
			return Pow(1/x, -y) // Pow(-0, -y)
		}
		switch {
		case y < 0:
			return 0
		case y > 0:
			return Inf(1)
		}
	case y == 0.5:
		return Sqrt(x)
	case y == -0.5:
		return 1 / Sqrt(x)
	}
	yi, yf := Modf(Abs(y))
	if yf != 0 && x < 0 {
		return NaN()
	}
	if yi >= 1<<63 {
		// y is an even integer too large for the loop below.
		switch {
		case x == -1:
			return 1
		case (Abs(x) < 1) == (y > 0):
			return 0
		}
		return Inf(1)
	}
	acc := 1.0 // the product so far is acc × 2**accExp
	accExp := 0
	if yf != 0 {
		if yf > 0.5 {
			yf--
			yi++
		}
		acc = Exp(yf * Log(x))
	}
	sq, sqExp := Frexp(x) // x**(2**i) = sq × 2**sqExp
	for i := int64(yi); i != 0; i >>= 1 {
		if sqExp < -1<<12 || 1<<12 < sqExp {
			// The result over- or underflows; Ldexp makes it so.
			accExp += sqExp
			break
		}
		if i&1 == 1 {
			acc *= sq
			accExp += sqExp
		}
		sq *= sq
		sqExp <<= 1
		if sq < .5 {
			sq += sq
			sqExp--
		}
	}
	if y < 0 {
		acc = 1 / acc
		accExp = -accExp
	}
	return Ldexp(acc, accExp)
}

// isOddInt reports whether x is an odd integer (int64's low bit, as gc:
// integers beyond 2**63 convert to MinInt64 and count as even).
func isOddInt(x float64) bool {
	xi, xf := Modf(x)
	return xf == 0 && int64(xi)&1 == 1
}

// The powers of ten Pow10 multiplies or divides: 10**(32i) and 10**j, j < 32.
var (
	pow10tab = [...]float64{
		1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09,
		1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
		1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29,
		1e30, 1e31,
	}
	pow10postab32 = [...]float64{
		1e00, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288,
	}
	pow10negtab32 = [...]float64{
		1e-00, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320,
	}
)

// Pow10 returns 10**n (0 for n < -323, +Inf for n > 308).
func Pow10(n int) float64 {
	if 0 <= n && n <= 308 {
		return pow10postab32[uint(n)/32] * pow10tab[uint(n)%32]
	}
	if -323 <= n && n <= 0 {
		return pow10negtab32[uint(-n)/32] / pow10tab[uint(-n)%32]
	}
	if n > 0 {
		return Inf(1)
	}
	return 0
}
