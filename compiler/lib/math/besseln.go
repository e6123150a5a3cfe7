package math

// Jn returns the order-n Bessel function of the first kind (Jn(n, ±Inf) = 0,
// Jn(n, NaN) = NaN): forward recurrence from J0 and J1 where n <= x, else
// backward recurrence started from a continued fraction (FreeBSD's e_jn.c).
func Jn(n int, x float64) float64 {
	const (
		twoM29 = 1.0 / (1 << 29)
		two302 = 1 << 302
	)
	switch {
	case IsNaN(x):
		return x
	case IsInf(x, 0):
		return 0
	}
	if n == 0 {
		return J0(x)
	}
	if x == 0 {
		return 0
	}
	if n < 0 {
		n, x = -n, -x
	}
	if n == 1 {
		return J1(x)
	}
	neg := false
	if x < 0 {
		x = -x
		neg = n&1 == 1 // J(n, -x) = (-1)**n J(n, x)
	}
	var b float64
	switch {
	case float64(n) <= x:
		if x >= two302 {
			b = (1 / SqrtPi) * jnPhase(n, x) / Sqrt(x)
			break
		}
		b = J1(x)
		for i, a := 1, J0(x); i < n; i++ {
			a, b = b, b*(float64(i+i)/x)-a
		}
	case x < twoM29:
		// J(n, x) ≈ (x/2)**n / n!, zero beyond n = 33.
		if n > 33 {
			b = 0
			break
		}
		half := x * 0.5
		b = half
		a := 1.0
		for i := 2; i <= n; i++ {
			a *= float64(i)
			b *= half
		}
		b /= a
	default:
		b = jnBackward(n, x)
	}
	if neg {
		return -b
	}
	return b
}

// jnPhase returns the trigonometric factor of J(n, x)'s asymptotic form,
// √2·cos(x - (2n+1)π/4), from Sincos(x).
func jnPhase(n int, x float64) float64 {
	s, c := Sincos(x)
	switch n & 3 {
	case 0:
		return c + s
	case 1:
		return -c + s
	case 2:
		return -c - s
	}
	return c - s
}

// jnBackward returns J(n, x) for x < n by backward recurrence from an index k
// found by the continued fraction for J(n)/J(n-1), normalised with J0.
func jnBackward(n int, x float64) float64 {
	w := float64(n+n) / x
	h := 2 / x
	q0 := w
	z := w + h
	q1 := w*z - 1
	k := 1
	for q1 < 1e9 {
		k++
		z += h
		q0, q1 = q1, z*q1-q0
	}
	m := n + n
	t := 0.0
	for i := 2 * (n + k); i >= m; i -= 2 {
		t = 1 / (float64(i)/x - t)
	}
	a := t
	b := 1.0
	// If n·log|2n/x| would overflow exp, rescale as the recurrence grows.
	tmp := float64(n)
	v := 2 / x
	tmp = tmp * Log(Abs(v*tmp))
	if tmp < 7.09782712893383973096e+02 {
		for i := n - 1; i > 0; i-- {
			di := float64(i + i)
			a, b = b, b*di/x-a
		}
	} else {
		for i := n - 1; i > 0; i-- {
			di := float64(i + i)
			a, b = b, b*di/x-a
			if b > 1e100 {
				a /= b
				t /= b
				b = 1
			}
		}
	}
	return t * J0(x) / b
}

// Yn returns the order-n Bessel function of the second kind (Yn(n, +Inf) = 0,
// Yn(n ≥ 0, 0) = -Inf, Yn(n < 0, 0) = +Inf for odd n, else -Inf,
// Yn(n, x < 0) = NaN, Yn(n, NaN) = NaN): forward recurrence from Y0 and Y1.
func Yn(n int, x float64) float64 {
	const two302 = 1 << 302
	switch {
	case x < 0 || IsNaN(x):
		return NaN()
	case IsInf(x, 1):
		return 0
	}
	if n == 0 {
		return Y0(x)
	}
	if x == 0 {
		if n < 0 && n&1 == 1 {
			return Inf(1)
		}
		return Inf(-1)
	}
	neg := false
	if n < 0 {
		n = -n
		neg = n&1 == 1
	}
	if n == 1 {
		if neg {
			return -Y1(x)
		}
		return Y1(x)
	}
	var b float64
	if x >= two302 {
		s, c := Sincos(x)
		var t float64
		switch n & 3 {
		case 0:
			t = s - c
		case 1:
			t = -s - c
		case 2:
			t = -s + c
		case 3:
			t = s + c
		}
		b = (1 / SqrtPi) * t / Sqrt(x)
	} else {
		a := Y0(x)
		b = Y1(x)
		for i := 1; i < n && !IsInf(b, -1); i++ {
			a, b = b, (float64(i+i)/x)*b-a
		}
	}
	if neg {
		return -b
	}
	return b
}
