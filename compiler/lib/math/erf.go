package math

// Erf and Erfc are FreeBSD's s_erf.c: rational approximations on [0, 0.84375)
// and [0.84375, 1.25), and exp(-x²-0.5625+R/S) with R/S rational in 1/x² above,
// x² split so that its exponential is accurate.

// The coefficients of erf's and erfc's approximations.
const (
	erx  = 8.45062911510467529297e-01
	efx  = 1.28379167095512586316e-01
	efx8 = 1.02703333676410069053e+00
	pp0  = 1.28379167095512558561e-01
	pp1  = -3.25042107247001499370e-01
	pp2  = -2.84817495755985104766e-02
	pp3  = -5.77027029648944159157e-03
	pp4  = -2.37630166566501626084e-05
	qq1  = 3.97917223959155352819e-01
	qq2  = 6.50222499887672944485e-02
	qq3  = 5.08130628187576562776e-03
	qq4  = 1.32494738004321644526e-04
	qq5  = -3.96022827877536812320e-06
	pa0  = -2.36211856075265944077e-03
	pa1  = 4.14856118683748331666e-01
	pa2  = -3.72207876035701323847e-01
	pa3  = 3.18346619901161753674e-01
	pa4  = -1.10894694282396677476e-01
	pa5  = 3.54783043256182359371e-02
	pa6  = -2.16637559486879084300e-03
	qa1  = 1.06420880400844228286e-01
	qa2  = 5.40397917702171048937e-01
	qa3  = 7.18286544141962662868e-02
	qa4  = 1.26171219808761642112e-01
	qa5  = 1.36370839120290507362e-02
	qa6  = 1.19844998467991074170e-02
	ra0  = -9.86494403484714822705e-03
	ra1  = -6.93858572707181764372e-01
	ra2  = -1.05586262253232909814e+01
	ra3  = -6.23753324503260060396e+01
	ra4  = -1.62396669462573470355e+02
	ra5  = -1.84605092906711035994e+02
	ra6  = -8.12874355063065934246e+01
	ra7  = -9.81432934416914548592e+00
	sa1  = 1.96512716674392571292e+01
	sa2  = 1.37657754143519042600e+02
	sa3  = 4.34565877475229228821e+02
	sa4  = 6.45387271733267880336e+02
	sa5  = 4.29008140027567833386e+02
	sa6  = 1.08635005541779435134e+02
	sa7  = 6.57024977031928170135e+00
	sa8  = -6.04244152148580987438e-02
	rb0  = -9.86494292470009928597e-03
	rb1  = -7.99283237680523006574e-01
	rb2  = -1.77579549177547519889e+01
	rb3  = -1.60636384855821916062e+02
	rb4  = -6.37566443368389627722e+02
	rb5  = -1.02509513161107724954e+03
	rb6  = -4.83519191608651397019e+02
	sb1  = 3.03380607434824582924e+01
	sb2  = 3.25792512996573918826e+02
	sb3  = 1.53672958608443695994e+03
	sb4  = 3.19985821950859553908e+03
	sb5  = 2.55305040643316442583e+03
	sb6  = 4.74528541206955367215e+02
	sb7  = -2.24409524465858183362e+01
)

// erfLarge returns erfc(x) for 1.25 <= x < 28 (erfc(x) = e**(-x²-0.5625+R/S)/x).
func erfLarge(x float64) float64 {
	s := 1 / (x * x)
	var r, q float64
	if x < 1/0.35 {
		r = ra0 + s*(ra1+s*(ra2+s*(ra3+s*(ra4+s*(ra5+s*(ra6+s*ra7))))))
		q = 1 + s*(sa1+s*(sa2+s*(sa3+s*(sa4+s*(sa5+s*(sa6+s*(sa7+s*sa8)))))))
	} else {
		r = rb0 + s*(rb1+s*(rb2+s*(rb3+s*(rb4+s*(rb5+s*rb6)))))
		q = 1 + s*(sb1+s*(sb2+s*(sb3+s*(sb4+s*(sb5+s*(sb6+s*sb7))))))
	}
	// z is x with its low 32 bits cleared, so z*z is exact.
	z := Float64frombits(Float64bits(x) & 0xffffffff00000000)
	return Exp(-z*z-0.5625) * Exp((z-x)*(z+x)+r/q) / x
}

// erfSmall returns the rational part y of erf(x) ≈ x + x·y for |x| < 0.84375.
func erfSmall(x float64) float64 {
	z := x * x
	r := pp0 + z*(pp1+z*(pp2+z*(pp3+z*pp4)))
	s := 1 + z*(qq1+z*(qq2+z*(qq3+z*(qq4+z*qq5))))
	return r / s
}

// erfMid returns P/Q with erf(x) ≈ erx + P/Q for 0.84375 <= x < 1.25.
func erfMid(x float64) float64 {
	s := x - 1
	p := pa0 + s*(pa1+s*(pa2+s*(pa3+s*(pa4+s*(pa5+s*pa6)))))
	q := 1 + s*(qa1+s*(qa2+s*(qa3+s*(qa4+s*(qa5+s*qa6)))))
	return p / q
}

// Erf returns the error function of x (Erf(±Inf) = ±1, Erf(NaN) = NaN).
func Erf(x float64) float64 {
	const (
		veryTiny = 2.848094538889218e-306 // 0x0080000000000000
		small    = 1.0 / (1 << 28)
	)
	switch {
	case IsNaN(x):
		return NaN()
	case IsInf(x, 1):
		return 1
	case IsInf(x, -1):
		return -1
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	var t float64
	switch {
	case x < 0.84375:
		switch {
		case x < veryTiny:
			t = 0.125 * (8.0*x + efx8*x) // avoid underflow
		case x < small:
			t = x + efx*x
		default:
			t = x + x*erfSmall(x)
		}
	case x < 1.25:
		if neg {
			return -erx - erfMid(x)
		}
		return erx + erfMid(x)
	case x >= 6:
		t = 1
	default:
		if neg {
			return erfLarge(x) - 1
		}
		return 1 - erfLarge(x)
	}
	if neg {
		return -t
	}
	return t
}

// Erfc returns the complementary error function 1 - Erf(x), accurate where
// that is small (Erfc(+Inf) = 0, Erfc(-Inf) = 2, Erfc(NaN) = NaN).
func Erfc(x float64) float64 {
	const tiny = 1.0 / (1 << 56)
	switch {
	case IsNaN(x):
		return NaN()
	case IsInf(x, 1):
		return 0
	case IsInf(x, -1):
		return 2
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	switch {
	case x < 0.84375:
		t := x
		if x >= tiny {
			y := erfSmall(x)
			if x < 0.25 {
				t = x + x*y
			} else {
				t = 0.5 + (x*y + (x - 0.5))
			}
		}
		if neg {
			return 1 + t
		}
		return 1 - t
	case x < 1.25:
		if neg {
			return 1 + erx + erfMid(x)
		}
		return 1 - erx - erfMid(x)
	case x < 28:
		if neg && x > 6 {
			return 2
		}
		if neg {
			return 2 - erfLarge(x)
		}
		return erfLarge(x)
	}
	if neg {
		return 2
	}
	return 0
}

// Erfinv returns the inverse error function of x (Erfinv(±1) = ±Inf,
// Erfinv(|x| > 1) = NaN, Erfinv(NaN) = NaN): Giles' rational approximations
// (Wichura's AS241 coefficients) in √(ln2 - log(1-|x|)).
func Erfinv(x float64) float64 {
	const (
		a0 = 1.1975323115670912564578e0
		a1 = 4.7072688112383978012285e1
		a2 = 6.9706266534389598238465e2
		a3 = 4.8548868893843886794648e3
		a4 = 1.6235862515167575384252e4
		a5 = 2.3782041382114385731252e4
		a6 = 1.1819493347062294404278e4
		a7 = 8.8709406962545514830200e2
		b0 = 1.0000000000000000000e0
		b1 = 4.2313330701600911252e1
		b2 = 6.8718700749205790830e2
		b3 = 5.3941960214247511077e3
		b4 = 2.1213794301586595867e4
		b5 = 3.9307895800092710610e4
		b6 = 2.8729085735721942674e4
		b7 = 5.2264952788528545610e3
		c0 = 1.42343711074968357734e0
		c1 = 4.63033784615654529590e0
		c2 = 5.76949722146069140550e0
		c3 = 3.64784832476320460504e0
		c4 = 1.27045825245236838258e0
		c5 = 2.41780725177450611770e-1
		c6 = 2.27238449892691845833e-2
		c7 = 7.74545014278341407640e-4
		d0 = 1.4142135623730950488016887e0
		d1 = 2.9036514445419946173133295e0
		d2 = 2.3707661626024532365971225e0
		d3 = 9.7547832001787427186894837e-1
		d4 = 2.0945065210512749128288442e-1
		d5 = 2.1494160384252876777097297e-2
		d6 = 7.7441459065157709165577218e-4
		d7 = 1.4859850019840355905497876e-9
		e0 = 6.65790464350110377720e0
		e1 = 5.46378491116411436990e0
		e2 = 1.78482653991729133580e0
		e3 = 2.96560571828504891230e-1
		e4 = 2.65321895265761230930e-2
		e5 = 1.24266094738807843860e-3
		e6 = 2.71155556874348757815e-5
		e7 = 2.01033439929228813265e-7
		f0 = 1.414213562373095048801689e0
		f1 = 8.482908416595164588112026e-1
		f2 = 1.936480946950659106176712e-1
		f3 = 2.103693768272068968719679e-2
		f4 = 1.112800997078859844711555e-3
		f5 = 2.611088405080593625138020e-5
		f6 = 2.010321207683943062279931e-7
		f7 = 2.891024605872965461538222e-15
	)
	if IsNaN(x) || x <= -1 || x >= 1 {
		if x == -1 || x == 1 {
			return Inf(int(x))
		}
		return NaN()
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	var ans float64
	if x <= 0.85 {
		r := 0.180625 - 0.25*x*x
		z1 := ((((((a7*r+a6)*r+a5)*r+a4)*r+a3)*r+a2)*r+a1)*r + a0
		z2 := ((((((b7*r+b6)*r+b5)*r+b4)*r+b3)*r+b2)*r+b1)*r + b0
		ans = (x * z1) / z2
	} else {
		var z1, z2 float64
		r := Sqrt(Ln2 - Log(1.0-x))
		if r <= 5.0 {
			r -= 1.6
			z1 = ((((((c7*r+c6)*r+c5)*r+c4)*r+c3)*r+c2)*r+c1)*r + c0
			z2 = ((((((d7*r+d6)*r+d5)*r+d4)*r+d3)*r+d2)*r+d1)*r + d0
		} else {
			r -= 5.0
			z1 = ((((((e7*r+e6)*r+e5)*r+e4)*r+e3)*r+e2)*r+e1)*r + e0
			z2 = ((((((f7*r+f6)*r+f5)*r+f4)*r+f3)*r+f2)*r+f1)*r + f0
		}
		ans = z1 / z2
	}
	if neg {
		return -ans
	}
	return ans
}

// Erfcinv returns the inverse of Erfc: Erfinv(1 - x).
func Erfcinv(x float64) float64 { return Erfinv(1 - x) }
