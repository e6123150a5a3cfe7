package math

// Exp returns e**x (Exp(+Inf) = +Inf, Exp(-Inf) = 0, Exp(NaN) = NaN; +Inf for
// x > 709.782712893384, like gc, even where e**x would just fit).
//
// This is the algorithm of gc's amd64 assembly (Shibata's, from SLEEF): x =
// k·ln2 + r, k rounded to nearest; e**(r/16) from a Taylor polynomial, squared
// four times as (1+y)² - 1 = y(y+2); then scaled by 2**k. With AVX and FMA the
// reduction, the polynomial and the last step use fused multiply-adds, as gc's
// does, which changes the last bit of some results.
func Exp(x float64) float64 {
	const (
		log2e    = 1.4426950408889634073599246810018920 // 1/ln2
		ln2Hi    = 0.69314718055966295651160180568695068359375
		ln2Lo    = 0.28235290563031577122588448175013436025525412068e-12
		overflow = 7.09782712893384e+02
		c2       = 0.5
		c3       = 1.6666666666666666667e-1
		c4       = 4.1666666666666666667e-2
		c5       = 8.3333333333333333333e-3
		c6       = 1.3888888888888888889e-3
		c7       = 1.9841269841269841270e-4
		c8       = 2.4801587301587301587e-5
	)
	b := Float64bits(x)
	if b&^signMask >= uvinf {
		if b == 0xFFF0000000000000 {
			return 0
		}
		return x // NaN or +Inf
	}
	if x > overflow {
		return Inf(1)
	}
	kf := log2e * x
	// CVTSD2SL: round to nearest even; out of int32's range (only very
	// negative x get here) gives MinInt32.
	k := MinInt32
	if kf > MinInt32 {
		k = int(RoundToEven(kf))
	}
	fk := float64(k)
	var y float64
	if useFMA {
		x = fma(-fk, ln2Hi, x)
		x = fma(-fk, ln2Lo, x)
		x *= 0.0625
		p := fma(c8, x, c7)
		p = fma(p, x, c6)
		p = fma(p, x, c5)
		p = fma(p, x, c4)
		p = fma(p, x, c3)
		p = fma(p, x, c2)
		p = fma(p, x, 1)
		x *= p
		x *= x + 2
		x *= x + 2
		x *= x + 2
		y = fma(x, x+2, 1)
	} else {
		x -= fk * ln2Hi
		x -= fk * ln2Lo
		x *= 0.0625
		p := c8 * x
		p = (p + c7) * x
		p = (p + c6) * x
		p = (p + c5) * x
		p = (p + c4) * x
		p = (p + c3) * x
		p = (p + c2) * x
		p += 1
		x *= p
		x *= 2 + x
		x *= 2 + x
		x *= 2 + x
		x *= 2 + x
		y = x + 1
	}
	// Scale by 2**k: one multiply by a power of two, or two when 2**k is
	// subnormal (the first keeps y normal, the second rounds once).
	e := k + expBias
	switch {
	case e >= expMask:
		return Inf(1)
	case e > 0:
		return y * Float64frombits(uint64(e)<<expShift)
	case e < -52:
		return 0
	}
	y *= Float64frombits(uint64(e+expBias-1) << expShift)
	return y * Float64frombits(1<<expShift)
}

// Exp2 returns 2**x (Exp2(+Inf) = +Inf, Exp2(NaN) = NaN; gc's portable
// algorithm: k the nearest integer, 2**(x-k) = e**((x-k)·ln2) by expmulti).
func Exp2(x float64) float64 {
	const (
		ln2Hi     = 6.93147180369123816490e-01
		ln2Lo     = 1.90821492927058770002e-10
		overflow  = 1.0239999999999999e+03
		underflow = -1.0740e+03
	)
	switch {
	case IsNaN(x) || IsInf(x, 1):
		return x
	case IsInf(x, -1):
		return 0
	case x > overflow:
		return Inf(1)
	case x < underflow:
		return 0
	}
	var k int
	if x > 0 {
		k = int(x + 0.5)
	} else if x < 0 {
		k = int(x - 0.5)
	}
	t := x - float64(k)
	hi := t * ln2Hi
	lo := -t * ln2Lo
	return expmulti(hi, lo, k)
}

// expmulti returns e**(hi-lo) × 2**k, |hi-lo| <= ln2/2, by FreeBSD's
// rational approximation of e**r.
func expmulti(hi, lo float64, k int) float64 {
	const (
		p1 = 1.66666666666666657415e-01
		p2 = -2.77777777770155933842e-03
		p3 = 6.61375632143793436117e-05
		p4 = -1.65339022054652515390e-06
		p5 = 4.13813679705723846039e-08
	)
	r := hi - lo
	t := r * r
	c := r - t*(p1+t*(p2+t*(p3+t*(p4+t*p5))))
	y := 1 - ((lo - (r*c)/(2-c)) - hi)
	return Ldexp(y, k)
}

// Expm1 returns e**x - 1, accurate also for x near zero (Expm1(+Inf) = +Inf,
// Expm1(-Inf) = -1, Expm1(NaN) = NaN; FreeBSD's s_expm1.c: x = k·ln2 + r with
// a correction term c, and a rational approximation of e**r - 1).
func Expm1(x float64) float64 {
	const (
		othreshold = 7.09782712893383973096e+02 // above: overflow
		ln2X56     = 3.88162421113569373274e+01 // 56·ln2: below -that, -1
		ln2HalfX3  = 1.03972077083991796413e+00
		ln2Half    = 3.46573590279972654709e-01
		ln2Hi      = 6.93147180369123816490e-01
		ln2Lo      = 1.90821492927058770002e-10
		invLn2     = 1.44269504088896338700e+00
		tiny       = 1.0 / (1 << 54)
		q1         = -3.33333333333331316428e-02
		q2         = 1.58730158725481460165e-03
		q3         = -7.93650757867487942473e-05
		q4         = 4.00821782732936239552e-06
		q5         = -2.01099218183624371326e-07
	)
	switch {
	case IsInf(x, 1) || IsNaN(x):
		return x
	case IsInf(x, -1):
		return -1
	}
	ax := x
	neg := false
	if x < 0 {
		ax = -ax
		neg = true
	}
	if ax >= ln2X56 {
		if neg {
			return -1
		}
		if ax >= othreshold {
			return Inf(1)
		}
	}
	var c float64
	var k int
	if ax > ln2Half {
		var hi, lo float64
		switch {
		case ax < ln2HalfX3 && !neg:
			hi, lo, k = x-ln2Hi, ln2Lo, 1
		case ax < ln2HalfX3:
			hi, lo, k = x+ln2Hi, -ln2Lo, -1
		default:
			if !neg {
				k = int(invLn2*x + 0.5)
			} else {
				k = int(invLn2*x - 0.5)
			}
			t := float64(k)
			hi = x - t*ln2Hi // exact
			lo = t * ln2Lo
		}
		x = hi - lo
		c = (hi - x) - lo
	} else if ax < tiny {
		return x
	}
	hfx := 0.5 * x
	hxs := x * hfx
	r1 := 1 + hxs*(q1+hxs*(q2+hxs*(q3+hxs*(q4+hxs*q5))))
	t := 3 - r1*hfx
	e := hxs * ((r1 - t) / (6.0 - x*t))
	if k == 0 {
		return x - (x*e - hxs)
	}
	e = (x*(e-c) - c)
	e -= hxs
	switch {
	case k == -1:
		return 0.5*(x-e) - 0.5
	case k == 1:
		if x < -0.25 {
			return -2 * (e - (x + 0.5))
		}
		return 1 + 2*(x-e)
	case k <= -2 || k > 56:
		y := 1 - (e - x)
		y = Float64frombits(Float64bits(y) + uint64(k)<<52) // y × 2**k
		return y - 1
	case k < 20:
		t := Float64frombits(0x3ff0000000000000 - (0x20000000000000 >> uint(k))) // 1 - 2**-k
		y := t - (e - x)
		return Float64frombits(Float64bits(y) + uint64(k)<<52)
	}
	t = Float64frombits(uint64(0x3ff-k) << 52) // 2**-k
	y := x - (e + t)
	y++
	return Float64frombits(Float64bits(y) + uint64(k)<<52)
}
