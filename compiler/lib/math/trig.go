package math

import "math/bits"

// Sin, Cos, Sincos and Tan reduce x to z in [-π/4, π/4] and an octant j, by
// Cody–Waite subtraction of j·π/4 in three parts below 2**29 and by
// Payne–Hanek multiplication with the bits of 4/π above (trigReduce); then
// evaluate Cephes' polynomials for sin and cos on z (a rational function for
// tan) and fix the sign by the octant.

// The coefficients of sin(z) ≈ z + z³·S(z²) and cos(z) ≈ 1 - z²/2 + z⁴·C(z²).
var (
	_sin = [...]float64{
		1.58962301576546568060e-10,
		-2.50507477628578072866e-8,
		2.75573136213857245213e-6,
		-1.98412698295895385996e-4,
		8.33333333332211858878e-3,
		-1.66666666666666307295e-1,
	}
	_cos = [...]float64{
		-1.13585365213876817300e-11,
		2.08757008419747316778e-9,
		-2.75573141792967388112e-7,
		2.48015872888517045348e-5,
		-1.38888888888730564116e-3,
		4.16666666666665929218e-2,
	}
)

// π/4 in three parts whose products with an octant count below 2**29 are exact.
const (
	pi4A = 7.85398125648498535156e-1
	pi4B = 3.77489470793079817668e-8
	pi4C = 2.69515142907905952645e-15
)

// reduceThreshold is where Cody–Waite reduction stops being accurate.
const reduceThreshold = 1 << 29

// octant returns the octant j (even, mod 8) nearest x/(π/4) and z = x - j·π/4,
// for 0 <= x < reduceThreshold.
func octant(x float64) (j uint64, z float64) {
	j = uint64(x * (4 / Pi))
	y := float64(j)
	if j&1 == 1 {
		j++
		y++
	}
	return j & 7, ((x - y*pi4A) - y*pi4B) - y*pi4C
}

// sinPoly returns sin(z) for |z| <= π/4, zz = z².
func sinPoly(z, zz float64) float64 {
	return z + z*zz*((((((_sin[0]*zz)+_sin[1])*zz+_sin[2])*zz+_sin[3])*zz+_sin[4])*zz+_sin[5])
}

// cosPoly returns cos(z) for |z| <= π/4, zz = z².
func cosPoly(zz float64) float64 {
	return 1.0 - 0.5*zz + zz*zz*((((((_cos[0]*zz)+_cos[1])*zz+_cos[2])*zz+_cos[3])*zz+_cos[4])*zz+_cos[5])
}

// Cos returns the cosine of the radian argument x (Cos(±Inf) = Cos(NaN) = NaN).
func Cos(x float64) float64 {
	if IsNaN(x) || IsInf(x, 0) {
		return NaN()
	}
	x = Abs(x)
	var j uint64
	var z float64
	if x >= reduceThreshold {
		j, z = trigReduce(x)
	} else {
		j, z = octant(x)
	}
	neg := false
	if j > 3 {
		j -= 4
		neg = !neg
	}
	if j > 1 {
		neg = !neg
	}
	zz := z * z
	var y float64
	if j == 1 || j == 2 {
		y = sinPoly(z, zz)
	} else {
		y = cosPoly(zz)
	}
	if neg {
		y = -y
	}
	return y
}

// Sin returns the sine of the radian argument x (Sin(±0) = ±0,
// Sin(±Inf) = NaN, Sin(NaN) = NaN).
func Sin(x float64) float64 {
	switch {
	case x == 0 || IsNaN(x):
		return x
	case IsInf(x, 0):
		return NaN()
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	var j uint64
	var z float64
	if x >= reduceThreshold {
		j, z = trigReduce(x)
	} else {
		j, z = octant(x)
	}
	if j > 3 {
		neg = !neg
		j -= 4
	}
	zz := z * z
	var y float64
	if j == 1 || j == 2 {
		y = cosPoly(zz)
	} else {
		y = sinPoly(z, zz)
	}
	if neg {
		y = -y
	}
	return y
}

// Sincos returns Sin(x), Cos(x), computed together (Sincos(±0) = ±0, 1;
// Sincos(±Inf) and Sincos(NaN) = NaN, NaN).
func Sincos(x float64) (sin, cos float64) {
	switch {
	case x == 0:
		return x, 1
	case IsNaN(x) || IsInf(x, 0):
		return NaN(), NaN()
	}
	sinNeg, cosNeg := false, false
	if x < 0 {
		x = -x
		sinNeg = true
	}
	var j uint64
	var z float64
	if x >= reduceThreshold {
		j, z = trigReduce(x)
	} else {
		j, z = octant(x)
	}
	if j > 3 {
		j -= 4
		sinNeg, cosNeg = !sinNeg, !cosNeg
	}
	if j > 1 {
		cosNeg = !cosNeg
	}
	zz := z * z
	cos = cosPoly(zz)
	sin = sinPoly(z, zz)
	if j == 1 || j == 2 {
		sin, cos = cos, sin
	}
	if cosNeg {
		cos = -cos
	}
	if sinNeg {
		sin = -sin
	}
	return
}

// The coefficients of tan(z) ≈ z + z³·P(z²)/Q(z²).
var (
	_tanP = [...]float64{
		-1.30936939181383777646e4,
		1.15351664838587416140e6,
		-1.79565251976484877988e7,
	}
	_tanQ = [...]float64{
		1.00000000000000000000e0,
		1.36812963470692954678e4,
		-1.32089234440210967447e6,
		2.50083801823357915839e7,
		-5.38695755929454629881e7,
	}
)

// Tan returns the tangent of the radian argument x (Tan(±0) = ±0,
// Tan(±Inf) = NaN, Tan(NaN) = NaN).
func Tan(x float64) float64 {
	switch {
	case x == 0 || IsNaN(x):
		return x
	case IsInf(x, 0):
		return NaN()
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	var j uint64
	var z float64
	if x >= reduceThreshold {
		j, z = trigReduce(x)
	} else {
		j, z = octant(x)
	}
	zz := z * z
	y := z
	if zz > 1e-14 {
		y = z + z*(zz*(((_tanP[0]*zz)+_tanP[1])*zz+_tanP[2])/((((zz+_tanQ[1])*zz+_tanQ[2])*zz+_tanQ[3])*zz+_tanQ[4]))
	}
	if j&2 == 2 {
		y = -1 / y
	}
	if neg {
		y = -y
	}
	return y
}

// mPi4 holds the binary digits of 4/π, 64 per word, the integer part first.
var mPi4 = [...]uint64{
	0x0000000000000001,
	0x45f306dc9c882a53,
	0xf84eafa3ea69bb81,
	0xb6c52b3278872083,
	0xfca2c757bd778ac3,
	0x6e48dc74849ba5c0,
	0x0c925dd413a32439,
	0xfc3bd63962534e7d,
	0xd1046bea5d768909,
	0xd338e04d68befc82,
	0x7323ac7306a673e9,
	0x3908bf177bf25076,
	0x3ff12fffbc0b301f,
	0xde5e2316b414da3e,
	0xda6cfd9e4f96136e,
	0x9e8c7ecd3cbfd45a,
	0xea4f758fd7cbe2f6,
	0x7a0e73ef14a525d4,
	0xd7f6bf623f1aba10,
	0xac06608df8f6d757,
}

// trigReduce returns the octant j (even, mod 8) and z = x - j·π/4 for the
// finite x >= reduceThreshold (Payne–Hanek): the 53-bit mantissa times the
// 192 bits of 4/π that matter at x's exponent gives x·4/π to 125 bits, whose
// integer part mod 8 is j and whose fraction, converted back, is z/(π/4).
func trigReduce(x float64) (j uint64, z float64) {
	const pi4 = Pi / 4
	if x < pi4 {
		return 0, x
	}
	b := Float64bits(x)
	exp := int(b>>expShift&expMask) - expBias - expShift
	b = b&fracMask | 1<<expShift
	// The words of 4/π aligned so that the product's binary point falls
	// 3 bits below the top of hi.
	w, sh := uint(exp+61)/64, uint(exp+61)%64
	d0 := mPi4[w]<<sh | mPi4[w+1]>>(64-sh)
	d1 := mPi4[w+1]<<sh | mPi4[w+2]>>(64-sh)
	d2 := mPi4[w+2]<<sh | mPi4[w+3]>>(64-sh)
	p2hi, _ := bits.Mul64(d2, b)
	p1hi, p1lo := bits.Mul64(d1, b)
	p0lo := d0 * b
	lo, carry := bits.Add64(p1lo, p2hi, 0)
	hi, _ := bits.Add64(p0lo, p1hi, carry)
	j = hi >> 61
	hi = hi<<3 | lo>>61
	// Normalise the fraction into a float64 in [0, 1).
	lz := uint(bits.LeadingZeros64(hi))
	e := uint64(expBias - (lz + 1))
	hi = hi<<(lz+1) | lo>>(64-(lz+1))
	hi >>= 64 - expShift
	hi |= e << expShift
	z = Float64frombits(hi)
	if j&1 == 1 {
		j++
		j &= 7
		z--
	}
	return j, z * pi4
}
