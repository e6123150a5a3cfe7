package math

// Lgamma is FreeBSD's e_lgamma_r.c: log|Γ| by rational approximations around
// the minimum 1.4616... and on [2, 8) via the recurrence, Stirling's series
// from 8 up, and the reflection formula for negative x.

// The coefficients of Lgamma's approximations.
var (
	_lgamA = [...]float64{
		7.72156649015328655494e-02,
		3.22467033424113591611e-01,
		6.73523010531292681824e-02,
		2.05808084325167332806e-02,
		7.38555086081402883957e-03,
		2.89051383673415629091e-03,
		1.19270763183362067845e-03,
		5.10069792153511336608e-04,
		2.20862790713908385557e-04,
		1.08011567247583939954e-04,
		2.52144565451257326939e-05,
		4.48640949618915160150e-05,
	}
	_lgamR = [...]float64{
		1.0,
		1.39200533467621045958e+00,
		7.21935547567138069525e-01,
		1.71933865632803078993e-01,
		1.86459191715652901344e-02,
		7.77942496381893596434e-04,
		7.32668430744625636189e-06,
	}
	_lgamS = [...]float64{
		-7.72156649015328655494e-02,
		2.14982415960608852501e-01,
		3.25778796408930981787e-01,
		1.46350472652464452805e-01,
		2.66422703033638609560e-02,
		1.84028451407337715652e-03,
		3.19475326584100867617e-05,
	}
	_lgamT = [...]float64{
		4.83836122723810047042e-01,
		-1.47587722994593911752e-01,
		6.46249402391333854778e-02,
		-3.27885410759859649565e-02,
		1.79706750811820387126e-02,
		-1.03142241298341437450e-02,
		6.10053870246291332635e-03,
		-3.68452016781138256760e-03,
		2.25964780900612472250e-03,
		-1.40346469989232843813e-03,
		8.81081882437654011382e-04,
		-5.38595305356740546715e-04,
		3.15632070903625950361e-04,
		-3.12754168375120860518e-04,
		3.35529192635519073543e-04,
	}
	_lgamU = [...]float64{
		-7.72156649015328655494e-02,
		6.32827064025093366517e-01,
		1.45492250137234768737e+00,
		9.77717527963372745603e-01,
		2.28963728064692451092e-01,
		1.33810918536787660377e-02,
	}
	_lgamV = [...]float64{
		1.0,
		2.45597793713041134822e+00,
		2.12848976379893395361e+00,
		7.69285150456672783825e-01,
		1.04222645593369134254e-01,
		3.21709242282423911810e-03,
	}
	_lgamW = [...]float64{
		4.18938533204672725052e-01,
		8.33333333333329678849e-02,
		-2.77777777728775536470e-03,
		7.93650558643019558500e-04,
		-5.95187557450339963135e-04,
		8.36339918996282139126e-04,
		-1.63092934096575273989e-03,
	}
)

// Lgamma returns the natural logarithm and sign (-1 or +1) of Gamma(x)
// (Lgamma(+Inf) = +Inf, Lgamma(0) = +Inf, Lgamma(-integer) = +Inf,
// Lgamma(-Inf) = -Inf, Lgamma(NaN) = NaN).
func Lgamma(x float64) (lgamma float64, sign int) {
	const (
		two52 = 1 << 52
		two58 = 1 << 58
		tiny  = 1.0 / (1 << 70)
	)
	sign = 1
	switch {
	case IsNaN(x) || IsInf(x, 0):
		return x, sign
	case x == 0:
		return Inf(1), sign
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	if x < tiny {
		if neg {
			sign = -1
		}
		return -Log(x), sign
	}
	var nadj float64
	if neg {
		if x >= two52 { // an even integer
			return Inf(1), sign
		}
		t := sinPi(x)
		if t == 0 {
			return Inf(1), sign
		}
		nadj = Log(Pi / Abs(t*x))
		if t < 0 {
			sign = -1
		}
	}
	switch {
	case x == 1 || x == 2:
		return 0, sign
	case x < 2:
		lgamma = lgammaBelow2(x)
	case x < 8:
		i := int(x)
		y := x - float64(i)
		p := y * (_lgamS[0] + y*(_lgamS[1]+y*(_lgamS[2]+y*(_lgamS[3]+y*(_lgamS[4]+y*(_lgamS[5]+y*_lgamS[6]))))))
		q := 1 + y*(_lgamR[1]+y*(_lgamR[2]+y*(_lgamR[3]+y*(_lgamR[4]+y*(_lgamR[5]+y*_lgamR[6])))))
		lgamma = 0.5*y + p/q
		// Γ(x) = (y+2)(y+3)...(y+i-1) Γ(y+2), the product taken from the top.
		if i >= 3 {
			z := 1.0
			for k := i - 1; k >= 2; k-- {
				z *= (y + float64(k))
			}
			lgamma += Log(z)
		}
	case x < two58:
		t := Log(x)
		z := 1 / x
		y := z * z
		w := _lgamW[0] + z*(_lgamW[1]+y*(_lgamW[2]+y*(_lgamW[3]+y*(_lgamW[4]+y*(_lgamW[5]+y*_lgamW[6])))))
		lgamma = (x-0.5)*(t-1) + w
	default:
		lgamma = x * (Log(x) - 1)
	}
	if neg {
		lgamma = nadj - lgamma
	}
	return lgamma, sign
}

// lgammaBelow2 returns log Γ(x) for tiny <= x < 2, x != 1: one of three
// approximations in y, chosen by x's distance from 1, 2 and the minimum.
func lgammaBelow2(x float64) float64 {
	const (
		ymin = 1.461632144968362245
		tc   = 1.46163214496836224576e+00  // where Γ has its minimum
		tf   = -1.21486290535849611461e-01 // log Γ(tc)
		tt   = -3.63867699703950536541e-18 // the error of tf
	)
	var lg, y float64
	var i int
	if x <= 0.9 {
		lg = -Log(x) // log Γ(x) = log Γ(x+1) - log x
		switch {
		case x >= ymin-1+0.27:
			y, i = 1-x, 0
		case x >= ymin-1-0.27:
			y, i = x-(tc-1), 1
		default:
			y, i = x, 2
		}
	} else {
		switch {
		case x >= ymin+0.27:
			y, i = 2-x, 0
		case x >= ymin-0.27:
			y, i = x-tc, 1
		default:
			y, i = x-1, 2
		}
	}
	switch i {
	case 0:
		z := y * y
		p1 := _lgamA[0] + z*(_lgamA[2]+z*(_lgamA[4]+z*(_lgamA[6]+z*(_lgamA[8]+z*_lgamA[10]))))
		p2 := z * (_lgamA[1] + z*(+_lgamA[3]+z*(_lgamA[5]+z*(_lgamA[7]+z*(_lgamA[9]+z*_lgamA[11])))))
		p := y*p1 + p2
		lg += (p - 0.5*y)
	case 1:
		z := y * y
		w := z * y
		p1 := _lgamT[0] + w*(_lgamT[3]+w*(_lgamT[6]+w*(_lgamT[9]+w*_lgamT[12])))
		p2 := _lgamT[1] + w*(_lgamT[4]+w*(_lgamT[7]+w*(_lgamT[10]+w*_lgamT[13])))
		p3 := _lgamT[2] + w*(_lgamT[5]+w*(_lgamT[8]+w*(_lgamT[11]+w*_lgamT[14])))
		p := z*p1 - (tt - w*(p2+y*p3))
		lg += (tf + p)
	default:
		p1 := y * (_lgamU[0] + y*(_lgamU[1]+y*(_lgamU[2]+y*(_lgamU[3]+y*(_lgamU[4]+y*_lgamU[5])))))
		p2 := 1 + y*(_lgamV[1]+y*(_lgamV[2]+y*(_lgamV[3]+y*(_lgamV[4]+y*_lgamV[5]))))
		lg += (-0.5*y + p1/p2)
	}
	return lg
}

// sinPi returns -sin(πx) for x > 0, computed from x mod 2 so that it is exact
// at integers and accurate near them.
func sinPi(x float64) float64 {
	const (
		two52 = 1 << 52
		two53 = 1 << 53
	)
	if x < 0.25 {
		return -Sin(Pi * x)
	}
	z := Floor(x)
	var n int
	if z != x {
		x = Mod(x, 2)
		n = int(x * 4)
	} else {
		// An integer: the sine is ±0, its sign from the parity.
		if x >= two53 {
			x = 0
			n = 0
		} else {
			if x < two52 {
				z = x + two52 // the integer lands in the low mantissa bits
			}
			n = int(1 & Float64bits(z))
			x = float64(n)
			n <<= 2
		}
	}
	switch n {
	case 0:
		x = Sin(Pi * x)
	case 1, 2:
		x = Cos(Pi * (0.5 - x))
	case 3, 4:
		x = Sin(Pi * (1 - x))
	case 5, 6:
		x = -Cos(Pi * (x - 1.5))
	default:
		x = Sin(Pi * (x - 2))
	}
	return -x
}
