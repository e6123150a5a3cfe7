package math

import "math/bits"

// useFMA is gc's condition for its fused multiply-add paths (Exp's, and the
// FMA instruction): the CPU has AVX and FMA and the OS saves the AVX state.
var useFMA = haveFMA()

// FMA returns x*y + z rounded once (IEEE 754 fusedMultiplyAdd): the
// VFMADD231SD instruction where the CPU has it, as gc, else an exact
// integer computation.
func FMA(x, y, z float64) float64 {
	if useFMA {
		return fma(x, y, z)
	}
	return softFMA(x, y, z)
}

// softFMA returns x*y + z rounded once, by 128-bit integer arithmetic on the
// mantissas.
func softFMA(x, y, z float64) float64 {
	bx, by, bz := Float64bits(x), Float64bits(y), Float64bits(z)
	// Zeros, infinities and NaNs: the unfused expression gives the IEEE result.
	if x == 0.0 || y == 0.0 || z == 0.0 || bx&uvinf == uvinf || by&uvinf == uvinf {
		return x*y + z
	}
	if bz&uvinf == uvinf {
		return z
	}
	xs, xe, xm := splitFloat(bx)
	ys, ye, ym := splitFloat(by)
	zs, ze, zm := splitFloat(bz)

	// The product, 106 bits, placed so its top bit is bit 125 or 126 of (p1, p2).
	pe := xe + ye - expBias + 1
	p1, p2 := bits.Mul64(xm<<10, ym<<11)
	z1, z2 := zm<<10, uint64(0)
	ps := xs ^ ys
	// Normalise the product to bit 126.
	n := uint((^p1 >> 62) & 1)
	p1, p2 = shl128(p1, p2, n)
	pe -= int32(n)

	// Make (p) the larger in magnitude, then align z to it, keeping a sticky bit.
	if pe < ze || pe == ze && p1 < z1 {
		ps, pe, p1, p2, zs, ze, z1, z2 = zs, ze, z1, z2, ps, pe, p1, p2
	}
	z1, z2 = shrSticky(z1, z2, uint(pe-ze))

	var m uint64
	if ps == zs {
		var c uint64
		p2, c = bits.Add64(p2, z2, 0)
		p1, _ = bits.Add64(p1, z1, c)
		pe -= int32(^p1 >> 63)
		p1, m = shrSticky(p1, p2, uint(64+p1>>63))
	} else {
		var c uint64
		p2, c = bits.Sub64(p2, z2, 0)
		p1, _ = bits.Sub64(p1, z1, c)
		nz := leadingZeros128(p1, p2)
		pe -= nz
		m, p2 = shl128(p1, p2, uint(nz-1))
		m |= boolBit(p2 != 0)
	}

	// Round to 53 bits, handling overflow and the subnormal range.
	if pe > 1022+expBias || pe == 1022+expBias && (m+1<<9)>>63 == 1 {
		return Float64frombits(uint64(ps)<<63 | uvinf)
	}
	if pe < 0 {
		n := uint(-pe)
		m = m>>n | boolBit(m&(1<<n-1) != 0)
		pe = 0
	}
	// Round half to even: add half, clear the low bit on an exact tie.
	m = ((m + 1<<9) >> 10) &^ boolBit((m&(1<<10-1))^1<<9 == 0)
	pe &= -int32(boolBit(m != 0))
	return Float64frombits(uint64(ps)<<63 + uint64(pe)<<52 + m)
}

// boolBit returns 1 for true, 0 for false.
func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// splitFloat returns the sign, biased exponent and 53-bit mantissa (implicit
// bit set, subnormals normalised) of the finite nonzero float64 with bits b.
func splitFloat(b uint64) (sign uint32, exp int32, mant uint64) {
	sign = uint32(b >> 63)
	exp = int32(b>>52) & expMask
	mant = b & fracMask
	if exp == 0 {
		n := uint(bits.LeadingZeros64(mant) - 11)
		mant <<= n
		exp = 1 - int32(n)
	} else {
		mant |= 1 << 52
	}
	return
}

// shl128 returns (u1, u2) << n as a 128-bit value, 0 <= n < 128.
func shl128(u1, u2 uint64, n uint) (r1, r2 uint64) {
	r1 = u1<<n | u2>>(64-n) | u2<<(n-64)
	r2 = u2 << n
	return
}

// shr128 returns (u1, u2) >> n as a 128-bit value, 0 <= n < 128.
func shr128(u1, u2 uint64, n uint) (r1, r2 uint64) {
	r2 = u2>>n | u1<<(64-n) | u1>>(n-64)
	r1 = u1 >> n
	return
}

// shrSticky returns (u1, u2) >> n with every bit shifted out ORed into the
// lowest bit.
func shrSticky(u1, u2 uint64, n uint) (r1, r2 uint64) {
	switch {
	case n == 0:
		return u1, u2
	case n == 64:
		return 0, u1 | boolBit(u2 != 0)
	case n >= 128:
		return 0, boolBit(u1|u2 != 0)
	case n < 64:
		r1, r2 = shr128(u1, u2, n)
		r2 |= boolBit(u2&(1<<n-1) != 0)
	default:
		r1, r2 = shr128(u1, u2, n)
		r2 |= boolBit(u1&(1<<(n-64)-1)|u2 != 0)
	}
	return
}

// leadingZeros128 returns the number of leading zero bits of (u1, u2).
func leadingZeros128(u1, u2 uint64) int32 {
	l := int32(bits.LeadingZeros64(u1))
	if l == 64 {
		l += int32(bits.LeadingZeros64(u2))
	}
	return l
}
