package math

// Sinh returns the hyperbolic sine of x (Sinh(±0) = ±0, Sinh(±Inf) = ±Inf):
// from Exp above 0.5, a Cephes rational function below.
func Sinh(x float64) float64 {
	const (
		p0 = -0.6307673640497716991184787251e+6
		p1 = -0.8991272022039509355398013511e+5
		p2 = -0.2894211355989563807284660366e+4
		p3 = -0.2630563213397497062819489e+2
		q0 = -0.6307673640497716991212077277e+6
		q1 = 0.1521517378790019070696485176e+5
		q2 = -0.173678953558233699533450911e+3
	)
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	var t float64
	switch {
	case x > 21:
		t = Exp(x) * 0.5
	case x > 0.5:
		ex := Exp(x)
		t = (ex - 1/ex) * 0.5
	default:
		sq := x * x
		t = (((p3*sq+p2)*sq+p1)*sq + p0) * x
		t = t / (((sq+q2)*sq+q1)*sq + q0)
	}
	if neg {
		t = -t
	}
	return t
}

// Cosh returns the hyperbolic cosine of x (Cosh(±0) = 1, Cosh(±Inf) = +Inf).
func Cosh(x float64) float64 {
	x = Abs(x)
	if x > 21 {
		return Exp(x) * 0.5
	}
	ex := Exp(x)
	return (ex + 1/ex) * 0.5
}

// The coefficients of tanh(x) ≈ x + x³·P(x²)/Q(x²) for |x| < 0.625.
var (
	tanhP = [...]float64{
		-9.64399179425052238628e-1,
		-9.92877231001918586564e1,
		-1.61468768441708447952e3,
	}
	tanhQ = [...]float64{
		1.12811678491632931402e2,
		2.23548839060100448583e3,
		4.84406305325125486048e3,
	}
)

// Tanh returns the hyperbolic tangent of x (Tanh(±0) = ±0, Tanh(±Inf) = ±1).
func Tanh(x float64) float64 {
	const maxlog = 8.8029691931113054295988e+01 // log(2**127)
	z := Abs(x)
	switch {
	case z > 0.5*maxlog:
		if x < 0 {
			return -1
		}
		return 1
	case z >= 0.625:
		s := Exp(2 * z)
		z = 1 - 2/(s+1)
		if x < 0 {
			z = -z
		}
	default:
		if x == 0 {
			return x
		}
		s := x * x
		z = x + x*s*((tanhP[0]*s+tanhP[1])*s+tanhP[2])/(((s+tanhQ[0])*s+tanhQ[1])*s+tanhQ[2])
	}
	return z
}

// Asinh returns the inverse hyperbolic sine of x (Asinh(±0) = ±0,
// Asinh(±Inf) = ±Inf; FreeBSD's s_asinh.c).
func Asinh(x float64) float64 {
	const (
		ln2      = 6.93147180559945286227e-01
		nearZero = 1.0 / (1 << 28)
		large    = 1 << 28
	)
	if IsNaN(x) || IsInf(x, 0) {
		return x
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	var t float64
	switch {
	case x > large:
		t = Log(x) + ln2
	case x > 2:
		t = Log(2*x + 1/(Sqrt(x*x+1)+x))
	case x < nearZero:
		t = x
	default:
		t = Log1p(x + x*x/(1+Sqrt(1+x*x)))
	}
	if neg {
		t = -t
	}
	return t
}

// Acosh returns the inverse hyperbolic cosine of x (Acosh(+Inf) = +Inf,
// Acosh(x < 1) = NaN; FreeBSD's e_acosh.c).
func Acosh(x float64) float64 {
	const large = 1 << 28
	switch {
	case x < 1 || IsNaN(x):
		return NaN()
	case x == 1:
		return 0
	case x >= large:
		return Log(x) + Ln2
	case x > 2:
		return Log(2*x - 1/(x+Sqrt(x*x-1)))
	}
	t := x - 1
	return Log1p(t + Sqrt(2*t+t*t))
}

// Atanh returns the inverse hyperbolic tangent of x (Atanh(±1) = ±Inf,
// Atanh(|x| > 1) = NaN; FreeBSD's e_atanh.c).
func Atanh(x float64) float64 {
	const nearZero = 1.0 / (1 << 28)
	switch {
	case x < -1 || x > 1 || IsNaN(x):
		return NaN()
	case x == 1:
		return Inf(1)
	case x == -1:
		return Inf(-1)
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	var t float64
	switch {
	case x < nearZero:
		t = x
	case x < 0.5:
		t = x + x
		t = 0.5 * Log1p(t+t*x/(1-x))
	default:
		t = 0.5 * Log1p((x+x)/(1-x))
	}
	if neg {
		t = -t
	}
	return t
}
