package math

// Sqrt returns the correctly rounded square root of x (Sqrt(+Inf) = +Inf,
// Sqrt(±0) = ±0, Sqrt(x < 0) = NaN, Sqrt(NaN) = NaN).
func Sqrt(x float64) float64 { return sqrt(x) }

// Hypot returns Sqrt(p*p + q*q) without needless overflow or underflow
// (Hypot(±Inf, q) = +Inf, else Hypot(NaN, q) = NaN). gc's amd64 assembly and
// its portable code compute the same: max·√(1 + (min/max)²).
func Hypot(p, q float64) float64 {
	switch {
	case IsInf(p, 0) || IsInf(q, 0):
		return Inf(1)
	case IsNaN(p) || IsNaN(q):
		return NaN()
	}
	p, q = Abs(p), Abs(q)
	if p < q {
		p, q = q, p
	}
	if p == 0 {
		return 0
	}
	q = q / p
	return p * Sqrt(1+q*q)
}

// Cbrt returns the cube root of x (Cbrt(±0) = ±0, Cbrt(±Inf) = ±Inf,
// Cbrt(NaN) = NaN; FreeBSD's s_cbrt.c: a 5-bit estimate from the exponent,
// a rational step to 23 bits, rounding to 32 bits, one Newton step).
func Cbrt(x float64) float64 {
	const (
		b1             = 715094163                   // (682-0.03306235651)*2**20
		b2             = 696219795                   // (664-0.03306235651)*2**20
		c              = 5.42857142857142815906e-01  // 19/35
		d              = -7.05306122448979611050e-01 // -864/1225
		e              = 1.41428571428571436819e+00  // 99/70
		f              = 1.60714285714285720630e+00  // 45/28
		g              = 3.57142857142857150787e-01  // 5/14
		smallestNormal = 2.22507385850720138309e-308 // 2**-1022
	)
	if x == 0 || IsNaN(x) || IsInf(x, 0) {
		return x
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	t := Float64frombits(Float64bits(x)/3 + b1<<32)
	if x < smallestNormal {
		t = float64(1 << 54)
		t *= x
		t = Float64frombits(Float64bits(t)/3 + b2<<32)
	}
	r := t * t / x
	s := c + r*t
	t *= g + f/(s+e+d/s)
	t = Float64frombits(Float64bits(t)&(0xFFFFFFFFC<<28) + 1<<30)
	s = t * t // exact
	r = x / s
	w := t + t
	r = (r - t) / (w + r)
	t = t + t*r
	if neg {
		t = -t
	}
	return t
}
