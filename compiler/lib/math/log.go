package math

// Log returns the natural logarithm of x (Log(+Inf) = +Inf, Log(0) = -Inf,
// Log(x < 0) = NaN, Log(NaN) = NaN).
//
// This is the algorithm of gc's amd64 assembly (FreeBSD's e_log.c): x = 2**k ×
// f1, f1 in (√2/2, √2], log(f1) = 2s + s·R(s²) with s = (f1-1)/(f1+1). Like
// that assembly it splits x by its bit fields without normalising a subnormal
// x, whose logarithm therefore comes out as gc's does (near -709, not -744).
func Log(x float64) float64 {
	const (
		hsqrt2 = 7.07106781186547524401e-01 // √2/2
		ln2Hi  = 6.93147180369123816490e-01
		ln2Lo  = 1.90821492927058770002e-10
		l1     = 6.666666666666735130e-01
		l2     = 3.999999999940941908e-01
		l3     = 2.857142874366239149e-01
		l4     = 2.222219843214978396e-01
		l5     = 1.818357216161805012e-01
		l6     = 1.531383769920937332e-01
		l7     = 1.479819860511658591e-01
	)
	b := Float64bits(x)
	switch {
	case b&^signMask == 0:
		return Inf(-1)
	case int64(b) < 0:
		return NaN()
	case b >= uvinf:
		return x // +Inf or NaN
	}
	f1 := Float64frombits(b&fracMask | 0x3FE0000000000000)
	k := float64(int(b>>expShift&expMask) - (expBias - 1))
	if f1 <= hsqrt2 { // do NOT write <: the assembly's test admits equality
		k -= 1
		f1 *= 2
	}
	f := f1 - 1
	s := f / (2 + f)
	s2 := s * s
	s4 := s2 * s2
	t1 := s2 * (((l7*s4+l5)*s4+l3)*s4 + l1)
	t2 := s4 * ((l6*s4+l4)*s4 + l2)
	r := t1 + t2
	hfsq := 0.5 * f * f
	return k*ln2Hi - ((hfsq - (s*(hfsq+r) + k*ln2Lo)) - f)
}

// Log10 returns the decimal logarithm of x (special cases as Log).
func Log10(x float64) float64 { return Log(x) * (1 / Ln10) }

// Log2 returns the binary logarithm of x, exact for powers of two (special
// cases as Log).
func Log2(x float64) float64 {
	frac, exp := Frexp(x)
	if frac == 0.5 {
		return float64(exp - 1)
	}
	return Log(frac)*(1/Ln2) + float64(exp)
}

// Log1p returns the natural logarithm of 1+x, accurate also for x near zero
// (Log1p(-1) = -Inf, Log1p(x < -1) = NaN, Log1p(+Inf) = +Inf; FreeBSD's s_log1p.c).
func Log1p(x float64) float64 {
	const (
		sqrt2M1     = 4.142135623730950488017e-01  // √2-1
		sqrt2HalfM1 = -2.928932188134524755992e-01 // √2/2-1
		small       = 1.0 / (1 << 29)
		tiny        = 1.0 / (1 << 54)
		two53       = 1 << 53
		ln2Hi       = 6.93147180369123816490e-01
		ln2Lo       = 1.90821492927058770002e-10
		lp1         = 6.666666666666735130e-01
		lp2         = 3.999999999940941908e-01
		lp3         = 2.857142874366239149e-01
		lp4         = 2.222219843214978396e-01
		lp5         = 1.818357216161805012e-01
		lp6         = 1.531383769920937332e-01
		lp7         = 1.479819860511658591e-01
	)
	switch {
	case x < -1 || IsNaN(x):
		return NaN()
	case x == -1:
		return Inf(-1)
	case IsInf(x, 1):
		return Inf(1)
	}
	ax := Abs(x)
	var f, c float64
	var iu uint64
	k := 1
	if ax < sqrt2M1 {
		if ax < small {
			if ax < tiny {
				return x
			}
			return x - x*x*0.5
		}
		if x > sqrt2HalfM1 {
			// 1+x within (√2/2, √2): no reduction.
			k = 0
			f = x
			iu = 1
		}
	}
	if k != 0 {
		u := x
		if ax < two53 {
			u = 1.0 + x
			iu = Float64bits(u)
			k = int(iu>>expShift - expBias)
			// c corrects for the rounding of 1+x.
			if k > 0 {
				c = 1.0 - (u - x)
			} else {
				c = x - (u - 1.0)
			}
			c /= u
		} else {
			iu = Float64bits(u)
			k = int(iu>>expShift - expBias)
		}
		iu &= fracMask
		if iu < 0x0006a09e667f3bcd { // fraction of √2
			u = Float64frombits(iu | uvone)
		} else {
			k++
			u = Float64frombits(iu | 0x3fe0000000000000)
			iu = (0x0010000000000000 - iu) >> 2
		}
		f = u - 1.0
	}
	hfsq := 0.5 * f * f
	fk := float64(k)
	if iu == 0 { // |f| < 2**-20
		if f == 0 {
			if k == 0 {
				return 0
			}
			c += fk * ln2Lo
			return fk*ln2Hi + c
		}
		r := hfsq * (1.0 - 0.66666666666666666*f)
		if k == 0 {
			return f - r
		}
		return fk*ln2Hi - ((r - (fk*ln2Lo + c)) - f)
	}
	s := f / (2.0 + f)
	z := s * s
	r := z * (lp1 + z*(lp2+z*(lp3+z*(lp4+z*(lp5+z*(lp6+z*lp7))))))
	if k == 0 {
		return f - (hfsq - s*(hfsq+r))
	}
	return fk*ln2Hi - ((hfsq - (s*(hfsq+r) + (fk*ln2Lo + c))) - f)
}
