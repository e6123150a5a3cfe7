// Package big is refgo's math/big: arbitrary-precision signed integers (Int) only,
// e.g.
//
//	x := new(big.Int).Lsh(big.NewInt(1), 100)  // 2**100
//	fmt.Println(x.Sub(x, big.NewInt(1)))        // 1267650600228229401496703205375
//
// An Int is a sign and a magnitude of 32-bit words; bitwise operations treat
// negative values as infinite two's complement, as gc's do. Division is by bits
// (quadratic in the length), fine for the sizes programs print. Rat and Float are not
// provided.
package big

import (
	"fmt"
	"strings"
)

// An Int represents a signed multi-precision integer; the zero value is 0.
type Int struct {
	neg bool
	abs nat
}

// nat is a magnitude: little-endian 32-bit words without high zero words.
type nat []uint32

func (x nat) norm() nat {
	n := len(x)
	for n > 0 && x[n-1] == 0 {
		n--
	}
	return x[:n]
}

func natUint64(v uint64) nat {
	return nat{uint32(v), uint32(v >> 32)}.norm()
}

func cmpNat(x, y nat) int {
	if len(x) != len(y) {
		if len(x) < len(y) {
			return -1
		}
		return 1
	}
	for i := len(x) - 1; i >= 0; i-- {
		if x[i] != y[i] {
			if x[i] < y[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

func addNat(x, y nat) nat {
	if len(x) < len(y) {
		x, y = y, x
	}
	z := make(nat, len(x)+1)
	var c uint64
	for i := range x {
		s := uint64(x[i]) + c
		if i < len(y) {
			s += uint64(y[i])
		}
		z[i] = uint32(s)
		c = s >> 32
	}
	z[len(x)] = uint32(c)
	return z.norm()
}

// subNat returns x - y for x >= y.
func subNat(x, y nat) nat {
	z := make(nat, len(x))
	var b int64
	for i := range x {
		d := int64(x[i]) - b
		if i < len(y) {
			d -= int64(y[i])
		}
		b = 0
		if d < 0 {
			d += 1 << 32
			b = 1
		}
		z[i] = uint32(d)
	}
	return z.norm()
}

func mulNat(x, y nat) nat {
	if len(x) == 0 || len(y) == 0 {
		return nil
	}
	z := make(nat, len(x)+len(y))
	for i, xi := range x {
		var c uint64
		for j, yj := range y {
			t := uint64(xi)*uint64(yj) + uint64(z[i+j]) + c
			z[i+j] = uint32(t)
			c = t >> 32
		}
		z[i+len(y)] = uint32(c)
	}
	return z.norm()
}

func (x nat) bitLen() int {
	if len(x) == 0 {
		return 0
	}
	n := (len(x) - 1) * 32
	for top := x[len(x)-1]; top != 0; top >>= 1 {
		n++
	}
	return n
}

func (x nat) bit(i uint) uint {
	if int(i/32) >= len(x) {
		return 0
	}
	return uint(x[i/32]>>(i%32)) & 1
}

func shlNat(x nat, s uint) nat {
	if len(x) == 0 {
		return nil
	}
	w, b := int(s/32), s%32
	z := make(nat, len(x)+w+1)
	for i := len(x) - 1; i >= 0; i-- {
		z[i+w+1] |= uint32(uint64(x[i]) << b >> 32)
		z[i+w] |= x[i] << b
	}
	return z.norm()
}

func shrNat(x nat, s uint) nat {
	w, b := int(s/32), s%32
	if w >= len(x) {
		return nil
	}
	z := make(nat, len(x)-w)
	for i := range z {
		v := uint64(x[i+w])
		if i+w+1 < len(x) {
			v |= uint64(x[i+w+1]) << 32
		}
		z[i] = uint32(v >> b)
	}
	return z.norm()
}

// divNat returns x / y and x % y (y != 0), a bit at a time; by one word directly.
func divNat(x, y nat) (q, r nat) {
	if cmpNat(x, y) < 0 {
		return nil, append(nat(nil), x...)
	}
	if len(y) == 1 {
		q, rw := divWord(x, y[0])
		return q, natUint64(uint64(rw))
	}
	q = make(nat, len(x))
	for i := x.bitLen() - 1; i >= 0; i-- {
		r = shlNat(r, 1)
		if x.bit(uint(i)) == 1 {
			if len(r) == 0 {
				r = nat{1}
			} else {
				r[0] |= 1
			}
		}
		if cmpNat(r, y) >= 0 {
			r = subNat(r, y)
			q[i/32] |= 1 << (uint(i) % 32)
		}
	}
	return q.norm(), r
}

func divWord(x nat, d uint32) (nat, uint32) {
	q := make(nat, len(x))
	var r uint64
	for i := len(x) - 1; i >= 0; i-- {
		t := r<<32 | uint64(x[i])
		q[i] = uint32(t / uint64(d))
		r = t % uint64(d)
	}
	return q.norm(), uint32(r)
}

func (z *Int) set(neg bool, abs nat) *Int {
	z.abs = abs.norm()
	z.neg = neg && len(z.abs) > 0
	return z
}

// NewInt allocates and returns a new Int set to x.
func NewInt(x int64) *Int { return new(Int).SetInt64(x) }

// SetInt64 sets z to x and returns z.
func (z *Int) SetInt64(x int64) *Int {
	if x < 0 {
		return z.set(true, natUint64(uint64(-x)))
	}
	return z.set(false, natUint64(uint64(x)))
}

// SetUint64 sets z to x and returns z.
func (z *Int) SetUint64(x uint64) *Int { return z.set(false, natUint64(x)) }

// Set sets z to x and returns z.
func (z *Int) Set(x *Int) *Int { return z.set(x.neg, append(nat(nil), x.abs...)) }

// Int64 returns the int64 representation of x (the low 64 bits, if it does not fit).
func (x *Int) Int64() int64 {
	v := int64(x.low64())
	if x.neg {
		v = -v
	}
	return v
}

// Uint64 returns the uint64 representation of x (the low 64 bits of |x| otherwise).
func (x *Int) Uint64() uint64 { return x.low64() }

func (x *Int) low64() uint64 {
	var v uint64
	if len(x.abs) > 0 {
		v = uint64(x.abs[0])
	}
	if len(x.abs) > 1 {
		v |= uint64(x.abs[1]) << 32
	}
	return v
}

// IsInt64 reports whether x can be represented as an int64.
func (x *Int) IsInt64() bool {
	if len(x.abs) <= 2 {
		w := int64(x.low64())
		return w >= 0 || x.neg && w == -w
	}
	return false
}

// IsUint64 reports whether x can be represented as a uint64.
func (x *Int) IsUint64() bool { return !x.neg && len(x.abs) <= 2 }

// Sign returns -1, 0 or +1 as x is negative, zero or positive.
func (x *Int) Sign() int {
	if len(x.abs) == 0 {
		return 0
	}
	if x.neg {
		return -1
	}
	return 1
}

// Cmp compares x and y: -1 if x < y, 0 if x == y, +1 if x > y.
func (x *Int) Cmp(y *Int) int {
	switch {
	case x.neg && !y.neg:
		return -1
	case !x.neg && y.neg:
		return 1
	case x.neg:
		return -cmpNat(x.abs, y.abs)
	}
	return cmpNat(x.abs, y.abs)
}

// CmpAbs compares |x| and |y|.
func (x *Int) CmpAbs(y *Int) int { return cmpNat(x.abs, y.abs) }

// Abs sets z to |x| and returns z.
func (z *Int) Abs(x *Int) *Int { return z.set(false, append(nat(nil), x.abs...)) }

// Neg sets z to -x and returns z.
func (z *Int) Neg(x *Int) *Int { return z.set(!x.neg, append(nat(nil), x.abs...)) }

// Add sets z to x+y and returns z.
func (z *Int) Add(x, y *Int) *Int {
	if x.neg == y.neg {
		return z.set(x.neg, addNat(x.abs, y.abs))
	}
	if cmpNat(x.abs, y.abs) >= 0 {
		return z.set(x.neg, subNat(x.abs, y.abs))
	}
	return z.set(y.neg, subNat(y.abs, x.abs))
}

// Sub sets z to x-y and returns z.
func (z *Int) Sub(x, y *Int) *Int {
	ny := Int{!y.neg, y.abs}
	return z.Add(x, &ny)
}

// Mul sets z to x*y and returns z.
func (z *Int) Mul(x, y *Int) *Int { return z.set(x.neg != y.neg, mulNat(x.abs, y.abs)) }

func divisor(y *Int) {
	if len(y.abs) == 0 {
		panic("division by zero")
	}
}

// Quo sets z to x/y truncated toward zero (Go's /) and returns z; y == 0 panics.
func (z *Int) Quo(x, y *Int) *Int {
	divisor(y)
	q, _ := divNat(x.abs, y.abs)
	return z.set(x.neg != y.neg, q)
}

// Rem sets z to x%y with the sign of x (Go's %) and returns z; y == 0 panics.
func (z *Int) Rem(x, y *Int) *Int {
	divisor(y)
	_, r := divNat(x.abs, y.abs)
	return z.set(x.neg, r)
}

// QuoRem sets z to x/y and r to x%y (truncated, as Quo and Rem) and returns both.
func (z *Int) QuoRem(x, y, r *Int) (*Int, *Int) {
	divisor(y)
	q, m := divNat(x.abs, y.abs)
	xneg, yneg := x.neg, y.neg
	z.set(xneg != yneg, q)
	r.set(xneg, m)
	return z, r
}

// Div sets z to the Euclidean quotient x div y (the modulus is never negative) and
// returns z; y == 0 panics.
func (z *Int) Div(x, y *Int) *Int {
	var r Int
	yneg := y.neg
	z.QuoRem(x, y, &r)
	if r.neg {
		one := Int{abs: nat{1}}
		if yneg {
			z.Add(z, &one)
		} else {
			z.Sub(z, &one)
		}
	}
	return z
}

// Mod sets z to the Euclidean modulus x mod y (0 <= z < |y|) and returns z.
func (z *Int) Mod(x, y *Int) *Int {
	yabs := Int{abs: append(nat(nil), y.abs...)}
	z.Rem(x, y)
	if z.neg {
		z.Add(z, &yabs)
	}
	return z
}

// DivMod sets z to x div y and m to x mod y (Euclidean) and returns both.
func (z *Int) DivMod(x, y, m *Int) (*Int, *Int) {
	xc, yc := new(Int).Set(x), new(Int).Set(y)
	z.Div(xc, yc)
	m.Mod(xc, yc)
	return z, m
}

// Lsh sets z to x << n and returns z.
func (z *Int) Lsh(x *Int, n uint) *Int { return z.set(x.neg, shlNat(x.abs, n)) }

// Rsh sets z to x >> n (an arithmetic shift: rounded toward minus infinity) and
// returns z.
func (z *Int) Rsh(x *Int, n uint) *Int {
	if x.neg {
		// -x >> n = -(((x-1) >> n) + 1)
		t := shrNat(subNat(x.abs, nat{1}), n)
		return z.set(true, addNat(t, nat{1}))
	}
	return z.set(false, shrNat(x.abs, n))
}

// BitLen returns the length of |x| in bits; 0 for 0.
func (x *Int) BitLen() int { return x.abs.bitLen() }

// twos returns x as n words of two's complement.
func (x *Int) twos(n int) []uint32 {
	w := make([]uint32, n)
	if !x.neg {
		copy(w, x.abs)
		return w
	}
	copy(w, subNat(x.abs, nat{1}))
	for i := range w {
		w[i] = ^w[i]
	}
	return w
}

// fromTwos sets z to the value of the two's complement words w.
func (z *Int) fromTwos(w []uint32) *Int {
	if len(w) > 0 && w[len(w)-1]>>31 == 1 {
		for i := range w {
			w[i] = ^w[i]
		}
		return z.set(true, addNat(nat(w).norm(), nat{1}))
	}
	return z.set(false, nat(w))
}

// Bit returns the value of bit i of x (two's complement for negative x).
func (x *Int) Bit(i int) uint {
	if i < 0 {
		panic("negative bit index")
	}
	if !x.neg {
		return x.abs.bit(uint(i))
	}
	return 1 - subNat(x.abs, nat{1}).bit(uint(i))
}

func (z *Int) bitwise(x, y *Int, op func(a, b uint32) uint32) *Int {
	n := len(x.abs)
	if len(y.abs) > n {
		n = len(y.abs)
	}
	n++
	a, b := x.twos(n), y.twos(n)
	for i := range a {
		a[i] = op(a[i], b[i])
	}
	return z.fromTwos(a)
}

// And sets z to x & y and returns z.
func (z *Int) And(x, y *Int) *Int {
	return z.bitwise(x, y, func(a, b uint32) uint32 { return a & b })
}

// Or sets z to x | y and returns z.
func (z *Int) Or(x, y *Int) *Int {
	return z.bitwise(x, y, func(a, b uint32) uint32 { return a | b })
}

// Xor sets z to x ^ y and returns z.
func (z *Int) Xor(x, y *Int) *Int {
	return z.bitwise(x, y, func(a, b uint32) uint32 { return a ^ b })
}

// AndNot sets z to x &^ y and returns z.
func (z *Int) AndNot(x, y *Int) *Int {
	return z.bitwise(x, y, func(a, b uint32) uint32 { return a &^ b })
}

// Not sets z to ^x (-x - 1) and returns z.
func (z *Int) Not(x *Int) *Int {
	if x.neg {
		return z.set(false, subNat(x.abs, nat{1}))
	}
	return z.set(true, addNat(x.abs, nat{1}))
}

const digitChars = "0123456789abcdefghijklmnopqrstuvwxyz"

// utoa returns the digits of x in base (2 to 36), "0" for 0.
func (x nat) utoa(base int) []byte {
	if len(x) == 0 {
		return []byte{'0'}
	}
	var out []byte
	q := append(nat(nil), x...)
	for len(q) > 0 {
		var r uint32
		q, r = divWord(q, uint32(base))
		out = append(out, digitChars[r])
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// Text returns x in the given base (2 to 36), lower-case letters for digits >= 10;
// "<nil>" for a nil *Int.
func (x *Int) Text(base int) string {
	if x == nil {
		return "<nil>"
	}
	return string(x.Append(nil, base))
}

// Append appends x's Text(base) to buf and returns the extended buffer.
func (x *Int) Append(buf []byte, base int) []byte {
	if x == nil {
		return append(buf, "<nil>"...)
	}
	if base < 2 || base > 36 {
		panic("invalid base")
	}
	if x.neg {
		buf = append(buf, '-')
	}
	return append(buf, x.abs.utoa(base)...)
}

// String returns x in decimal, as x.Text(10).
func (x *Int) String() string { return x.Text(10) }

// SetString sets z to the value of s in the given base (0: by prefix, 0b, 0o, 0 or
// 0x; underscores allowed only then) and returns z, true; or nil, false if s is not
// a valid number.
func (z *Int) SetString(s string, base int) (*Int, bool) {
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	underscores := false
	if base == 0 {
		base = 10
		lower := strings.ToLower(s)
		switch {
		case strings.HasPrefix(lower, "0x"):
			base, s = 16, s[2:]
		case strings.HasPrefix(lower, "0b"):
			base, s = 2, s[2:]
		case strings.HasPrefix(lower, "0o"):
			base, s = 8, s[2:]
		case len(s) > 1 && s[0] == '0':
			base, s = 8, s[1:]
		}
		underscores = true
	}
	if base < 2 || base > 36 || s == "" {
		return nil, false
	}
	var abs nat
	b := nat{uint32(base)}
	last := byte('_')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' && underscores && last != '_' {
			last = c
			continue
		}
		d := strings.IndexByte(digitChars, c|0x20)
		if c >= '0' && c <= '9' {
			d = int(c - '0')
		}
		if d < 0 || d >= base {
			return nil, false
		}
		abs = addNat(mulNat(abs, b), natUint64(uint64(d)))
		last = c
	}
	if last == '_' {
		return nil, false
	}
	return z.set(neg, abs), true
}

// Format implements fmt.Formatter: verbs b, o, O, d, x, X (and s, v as d) with the
// flags +, space, #, -, 0, a width and a precision (the least number of digits).
func (x *Int) Format(s fmt.State, ch rune) {
	base := 10
	switch ch {
	case 'b':
		base = 2
	case 'o', 'O':
		base = 8
	case 'd', 's', 'v':
	case 'x', 'X':
		base = 16
	default:
		fmt.Fprintf(s, "%%!%c(big.Int=%s)", ch, x.String())
		return
	}
	if x == nil {
		fmt.Fprint(s, "<nil>")
		return
	}
	sign := ""
	switch {
	case x.neg:
		sign = "-"
	case s.Flag('+'):
		sign = "+"
	case s.Flag(' '):
		sign = " "
	}
	prefix := ""
	if s.Flag('#') {
		switch ch {
		case 'b':
			prefix = "0b"
		case 'o':
			prefix = "0"
		case 'x':
			prefix = "0x"
		case 'X':
			prefix = "0X"
		}
	}
	if ch == 'O' {
		prefix = "0o"
	}
	digits := x.abs.utoa(base)
	if ch == 'X' {
		digits = []byte(strings.ToUpper(string(digits)))
	}
	zeros := 0
	prec, hasPrec := s.Precision()
	if hasPrec {
		if len(digits) < prec {
			zeros = prec - len(digits)
		} else if prec == 0 && len(digits) == 1 && digits[0] == '0' {
			return
		}
	}
	left, right := 0, 0
	n := len(sign) + len(prefix) + zeros + len(digits)
	if width, ok := s.Width(); ok && n < width {
		switch pad := width - n; {
		case s.Flag('-'):
			right = pad
		case s.Flag('0') && !hasPrec:
			zeros = pad
		default:
			left = pad
		}
	}
	out := strings.Repeat(" ", left) + sign + prefix + strings.Repeat("0", zeros) +
		string(digits) + strings.Repeat(" ", right)
	fmt.Fprint(s, out)
}
