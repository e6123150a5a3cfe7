package bits

// Add returns x + y + carry and the carry out (0 or 1); carry must be 0 or 1.
func Add(x, y, carry uint) (sum, carryOut uint) {
	s, c := Add64(uint64(x), uint64(y), uint64(carry))
	return uint(s), uint(c)
}

// Add32 returns x + y + carry and the carry out (0 or 1); carry must be 0 or 1.
func Add32(x, y, carry uint32) (sum, carryOut uint32) {
	s := uint64(x) + uint64(y) + uint64(carry)
	return uint32(s), uint32(s >> 32)
}

// Add64 returns x + y + carry and the carry out (0 or 1); carry must be 0 or 1.
func Add64(x, y, carry uint64) (sum, carryOut uint64) {
	sum = x + y + carry
	// A carry leaves the top bit when both tops are set, or one is and the
	// lower bits carried into it (which clears the sum's top bit).
	carryOut = (x&y | (x|y)&^sum) >> 63
	return
}

// Sub returns x - y - borrow and the borrow out (0 or 1); borrow must be 0 or 1.
func Sub(x, y, borrow uint) (diff, borrowOut uint) {
	d, b := Sub64(uint64(x), uint64(y), uint64(borrow))
	return uint(d), uint(b)
}

// Sub32 returns x - y - borrow and the borrow out (0 or 1); borrow must be 0 or 1.
func Sub32(x, y, borrow uint32) (diff, borrowOut uint32) {
	d := uint64(x) - uint64(y) - uint64(borrow)
	return uint32(d), uint32(d>>32) & 1
}

// Sub64 returns x - y - borrow and the borrow out (0 or 1); borrow must be 0 or 1.
func Sub64(x, y, borrow uint64) (diff, borrowOut uint64) {
	diff = x - y - borrow
	// A borrow enters the top bit when x's top is clear and y's set, or they
	// are equal and the lower bits borrowed (which sets the difference's top).
	borrowOut = (^x&y | ^(x^y)&diff) >> 63
	return
}

// Mul returns the full-width product x * y as its upper and lower halves.
func Mul(x, y uint) (hi, lo uint) {
	h, l := Mul64(uint64(x), uint64(y))
	return uint(h), uint(l)
}

// Mul32 returns the 64-bit product x * y as its upper and lower halves.
func Mul32(x, y uint32) (hi, lo uint32) {
	p := uint64(x) * uint64(y)
	return uint32(p >> 32), uint32(p)
}

// Mul64 returns the 128-bit product x * y as its upper and lower halves.
func Mul64(x, y uint64) (hi, lo uint64) {
	const m32 = 1<<32 - 1
	xl, xh := x&m32, x>>32
	yl, yh := y&m32, y>>32
	ll := xl * yl
	mid1 := xh*yl + ll>>32 // cannot overflow: (2^32-1)^2 + 2^32-1 < 2^64
	mid2 := xl*yh + mid1&m32
	hi = xh*yh + mid1>>32 + mid2>>32
	lo = x * y
	return
}

// Div returns the quotient and remainder of (hi, lo) / y; it panics for
// y == 0 (division by zero) or y <= hi (the quotient overflows).
func Div(hi, lo, y uint) (quo, rem uint) {
	q, r := Div64(uint64(hi), uint64(lo), uint64(y))
	return uint(q), uint(r)
}

// Div32 returns the quotient and remainder of (hi, lo) / y; it panics for
// y == 0 (division by zero) or y <= hi (the quotient overflows).
func Div32(hi, lo, y uint32) (quo, rem uint32) {
	if y != 0 && y <= hi {
		panic(overflowError)
	}
	n := uint64(hi)<<32 | uint64(lo)
	return uint32(n / uint64(y)), uint32(n % uint64(y))
}

// Div64 returns the quotient and remainder of (hi, lo) / y; it panics for
// y == 0 (division by zero) or y <= hi (the quotient overflows).
func Div64(hi, lo, y uint64) (quo, rem uint64) {
	if y == 0 {
		panic(divideError)
	}
	if y <= hi {
		panic(overflowError)
	}
	// Schoolbook division in base 2^32 (Knuth's algorithm D): normalise y so
	// its top bit is set, then find the two quotient digits, each estimated
	// from the top digits and corrected at most twice.
	s := uint(LeadingZeros64(y))
	y <<= s
	n := hi<<s | lo>>(64-s) // lo>>64 is 0
	lo <<= s
	q1, r := divStep(n, lo>>32, y)
	q0, r := divStep(r, lo&(1<<32-1), y)
	return q1<<32 | q0, r >> s
}

// divStep divides the three-digit (base 2^32) number u<<32 + d by the
// normalised y (top bit set, u < y) and returns the one-digit quotient and
// the remainder.
func divStep(u, d, y uint64) (q, r uint64) {
	const b = 1 << 32
	yh, yl := y>>32, y&(b-1)
	q = u / yh
	rh := u - q*yh
	for q >= b || q*yl > rh<<32|d {
		q--
		rh += yh
		if rh >= b {
			break
		}
	}
	return q, (u<<32 | d) - q*y
}

// Rem returns the remainder of (hi, lo) / y; it panics for y == 0 but,
// unlike Div, not when the quotient overflows.
func Rem(hi, lo, y uint) uint { return uint(Rem64(uint64(hi), uint64(lo), uint64(y))) }

// Rem32 returns the remainder of (hi, lo) / y; it panics for y == 0.
func Rem32(hi, lo, y uint32) uint32 {
	return uint32((uint64(hi)<<32 | uint64(lo)) % uint64(y))
}

// Rem64 returns the remainder of (hi, lo) / y; it panics for y == 0.
func Rem64(hi, lo, y uint64) uint64 {
	// hi<<64 + lo and (hi mod y)<<64 + lo leave the same remainder, and the
	// latter's quotient fits.
	_, r := Div64(hi%y, lo, y)
	return r
}
