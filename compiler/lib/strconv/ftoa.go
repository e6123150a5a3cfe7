// Shortest float formatting: the fewest decimal digits that read back as the value,
// found with Schubfach (R. Giulietti, "The Schubfach way to render doubles", 2020),
// an algorithm of Ryū's class: three 64x128-bit products per value, no loop over
// digit counts, no big numbers.
//
//	FormatFloat(0.1, 'g', -1, 64)      // "0.1"
//	FormatFloat(5e-324, 'e', -1, 64)   // "5e-324"
//	FormatFloat(1<<60, 'f', -1, 64)    // "1152921504606846976"
//	FormatFloat(0.1, 'g', -1, 32)      // "0.1" (shortest as a float32)
//
// A finite v > 0 is c·2^q (c the significand with its hidden bit). Every real in
// its rounding interval R = [v - u/2, v + u/2] (u the spacing of floats at v, half
// that below a power of two; the ends belong to R when c is even, as
// round-half-even reads them back to v) reads back as v. With k = floor(log10(2^q))
// (log10(3/4·2^q) below a power of two) R is narrower than 10^(k+1), so it holds at
// most one multiple of 10^(k+1) and at least one of 10^k: the answer is that
// multiple of 10^(k+1) if there is one, else the multiple of 10^k in R closest to
// v (ties to an even digit), which is exactly gc's answer. The ends of R and v,
// times 4·10^-k, come from products with g = floor(10^-k/2^r)+1 (pow10tab.go)
// rounded to odd: the low bit says the product was inexact, which is all the
// comparisons below need.
//
// Formats with a precision, 'b', 'x' and 'X' stay with the runtime's formatFloat.
package strconv

import (
	"math"
	"math/bits"
)

// FormatFloat formats f like gc's strconv.FormatFloat: fmt is one of 'b', 'e',
// 'E', 'f', 'g', 'G', 'x', 'X'; prec -1 means the fewest digits that round-trip.
// With bitSize 32, f is first rounded to a float32, as gc does.
func FormatFloat(f float64, fmt byte, prec, bitSize int) string {
	var buf [32]byte
	return string(AppendFloat(buf[:0], f, fmt, prec, bitSize))
}

// AppendFloat appends FormatFloat(f, fmt, prec, bitSize) to dst.
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	if bitSize == 32 {
		f = float64(float32(f))
	}
	if prec < 0 && (fmt == 'e' || fmt == 'E' || fmt == 'f' || fmt == 'g' || fmt == 'G') {
		return appendShortest(dst, f, fmt, bitSize == 32)
	}
	return append(dst, formatFloat(f, fmt, prec, bitSize)...)
}

// appendShortest appends f in format fmt ('e', 'E', 'f', 'g' or 'G') with the
// fewest digits that read back as f (as a float32 when is32).
func appendShortest(dst []byte, f float64, fmt byte, is32 bool) []byte {
	b := math.Float64bits(f)
	exp := int(b>>52) & 0x7ff
	if exp == 0x7ff {
		switch {
		case b&(1<<52-1) != 0:
			return append(dst, "NaN"...)
		case b>>63 != 0:
			return append(dst, "-Inf"...)
		}
		return append(dst, "+Inf"...)
	}
	if b>>63 != 0 {
		dst = append(dst, '-')
	}
	var digs [24]byte
	nd, dp := 0, 0
	if b<<1 != 0 {
		var c uint64
		var q int
		var lowerCloser bool
		if is32 {
			b32 := math.Float32bits(float32(f))
			e32 := int(b32>>23) & 0xff
			c = uint64(b32 & (1<<23 - 1))
			lowerCloser = c == 0 && e32 > 1
			q = e32 - 150
			if e32 == 0 {
				q = -149
			} else {
				c |= 1 << 23
			}
		} else {
			c = b & (1<<52 - 1)
			lowerCloser = c == 0 && exp > 1
			q = exp - 1075
			if exp == 0 {
				q = -1074
			} else {
				c |= 1 << 52
			}
		}
		d, e10 := shortestDecimal(c, q, lowerCloser)
		for d%10 == 0 {
			d /= 10
			e10++
		}
		i := len(digs)
		for d >= 10 {
			i--
			digs[i] = byte('0' + d%10)
			d /= 10
		}
		i--
		digs[i] = byte('0' + d)
		nd = copy(digs[:], digs[i:])
		dp = nd + e10
	}
	d := digs[:nd]
	switch fmt {
	case 'e', 'E':
		return fmtE(dst, d, dp, nd-1, fmt)
	case 'f':
		return fmtF(dst, d, dp, nd-dp)
	}
	// 'g', 'G': %e for exponents below -4 or from 6 on (gc's shortest %g decides
	// as if the precision were 6, then keeps every digit).
	if x := dp - 1; x < -4 || x >= 6 {
		return fmtE(dst, d, dp, nd-1, fmt+'e'-'g')
	}
	return fmtF(dst, d, dp, nd-dp)
}

// shortestDecimal returns (d, e) with d·10^e the shortest decimal in the rounding
// interval of c·2^q (the closest such to c·2^q, ties to even d); lowerCloser says
// c·2^q is a power of two above the smallest normal, whose lower neighbour is
// half as far as its upper one. c > 0.
func shortestDecimal(c uint64, q int, lowerCloser bool) (uint64, int) {
	if q <= 0 && q > -64 && c&(1<<uint(-q)-1) == 0 {
		return c >> uint(-q), 0 // an integer below 2^53 (2^24) is its own shortest form
	}
	cb := c << 2
	cbr := cb + 2
	var cbl uint64
	var k int
	if lowerCloser {
		cbl = cb - 1
		k = (q*661971961083 - 274743187321) >> 41 // floor(log10(3/4 · 2^q))
	} else {
		cbl = cb - 2
		k = (q * 78913) >> 18 // floor(log10(2^q)), exact for |q| <= 1650
	}
	// h aligns the product: 4c·2^h · g(-k) / 2^128 = 4c·2^q·10^-k (up to g's error).
	h := q + ((-k*217706)>>16) + 1 // floor(log2(10^-k)) exact for |k| <= 1000
	i := 2 * (-k - pow10Min)
	ghi, glo := pow10tab[i], pow10tab[i+1]
	vbl := roundToOdd(ghi, glo, cbl<<uint(h))
	vb := roundToOdd(ghi, glo, cb<<uint(h))
	vbr := roundToOdd(ghi, glo, cbr<<uint(h))
	odd := c & 1
	lower := vbl + odd // an odd c's interval excludes its ends
	upper := vbr - odd
	s := vb >> 2
	if s >= 10 {
		sp := s / 10
		upIn := lower <= 40*sp
		wpIn := 40*sp+40 <= upper
		if upIn != wpIn {
			if wpIn {
				sp++
			}
			return sp, k + 1
		}
	}
	uIn := lower <= 4*s
	wIn := 4*s+4 <= upper
	if uIn != wIn {
		if wIn {
			s++
		}
		return s, k
	}
	mid := 4*s + 2
	if vb > mid || vb == mid && s&1 != 0 {
		s++
	}
	return s, k
}

// roundToOdd returns floor(g·cp / 2^128) for g = ghi·2^64 + glo, with its low bit
// set when the discarded fraction is not zero.
func roundToOdd(ghi, glo, cp uint64) uint64 {
	x1, _ := bits.Mul64(glo, cp)
	y1, y0 := bits.Mul64(ghi, cp)
	z, carry := bits.Add64(y0, x1, 0)
	y1 += carry
	if z != 0 {
		y1 |= 1
	}
	return y1
}

// fmtE appends d (nd digits, decimal point dp digits from the left) as
// d.ddd(prec digits)e±XX; no digits (nd 0) is zero.
func fmtE(dst []byte, d []byte, dp, prec int, fmt byte) []byte {
	ch := byte('0')
	if len(d) != 0 {
		ch = d[0]
	}
	dst = append(dst, ch)
	if prec > 0 {
		dst = append(dst, '.')
		i := 1
		m := len(d)
		if prec+1 < m {
			m = prec + 1
		}
		if i < m {
			dst = append(dst, d[i:m]...)
			i = m
		}
		for ; i <= prec; i++ {
			dst = append(dst, '0')
		}
	}
	dst = append(dst, fmt)
	x := dp - 1
	if len(d) == 0 {
		x = 0
	}
	if x < 0 {
		dst = append(dst, '-')
		x = -x
	} else {
		dst = append(dst, '+')
	}
	switch {
	case x < 10:
		dst = append(dst, '0', byte('0'+x))
	case x < 100:
		dst = append(dst, byte('0'+x/10), byte('0'+x%10))
	default:
		dst = append(dst, byte('0'+x/100), byte('0'+x/10%10), byte('0'+x%10))
	}
	return dst
}

// fmtF appends d (decimal point dp digits from the left) as ddd.ddd with prec
// digits after the point (none when prec <= 0).
func fmtF(dst []byte, d []byte, dp, prec int) []byte {
	if dp > 0 {
		m := len(d)
		if dp < m {
			m = dp
		}
		dst = append(dst, d[:m]...)
		for ; m < dp; m++ {
			dst = append(dst, '0')
		}
	} else {
		dst = append(dst, '0')
	}
	if prec > 0 {
		dst = append(dst, '.')
		for i := 1; i <= prec; i++ {
			ch := byte('0')
			if j := dp + i - 1; 0 <= j && j < len(d) {
				ch = d[j]
			}
			dst = append(dst, ch)
		}
	}
	return dst
}
