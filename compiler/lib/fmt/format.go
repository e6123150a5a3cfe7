package fmt

import (
	"strconv"
	"unicode/utf8"
)

const (
	ldigits = "0123456789abcdefx"
	udigits = "0123456789ABCDEFX"
)

// flags holds the state of one verb's flags, width and precision. wid is valid
// only when widPresent, prec only when precPresent; clearFlags keeps their old
// values, which a Formatter can observe through State, as in gc. plusV and sharpV
// replace plus and sharp for %v (%+v, %#v).
type flags struct {
	widPresent  bool
	precPresent bool
	minus       bool
	plus        bool
	sharp       bool
	space       bool
	zero        bool
	plusV       bool
	sharpV      bool
	wid         int
	prec        int
}

// clearFlags resets the flags for a new verb, keeping the stale wid and prec.
func (p *pp) clearFlags() {
	p.f = flags{wid: p.f.wid, prec: p.f.prec}
}

// writePadding appends n pad bytes ('0' with the zero flag, else ' ').
func (p *pp) writePadding(n int) {
	if n <= 0 {
		return
	}
	c := byte(' ')
	if p.f.zero {
		c = '0'
	}
	for i := 0; i < n; i++ {
		p.buf = append(p.buf, c)
	}
}

// pad appends b padded to the width (counted in runes), left or right per minus.
func (p *pp) pad(b []byte) {
	if !p.f.widPresent || p.f.wid == 0 {
		p.buf = append(p.buf, b...)
		return
	}
	n := p.f.wid - utf8.RuneCount(b)
	if p.f.minus {
		p.buf = append(p.buf, b...)
		p.writePadding(n)
		return
	}
	p.writePadding(n)
	p.buf = append(p.buf, b...)
}

// padString is pad for a string.
func (p *pp) padString(s string) {
	if !p.f.widPresent || p.f.wid == 0 {
		p.buf = append(p.buf, s...)
		return
	}
	n := p.f.wid - utf8.RuneCountInString(s)
	if p.f.minus {
		p.buf = append(p.buf, s...)
		p.writePadding(n)
		return
	}
	p.writePadding(n)
	p.buf = append(p.buf, s...)
}

// padNoZero is pad with the zero flag ignored (numbers zero-pad themselves).
func (p *pp) padNoZero(b []byte) {
	z := p.f.zero
	p.f.zero = false
	p.pad(b)
	p.f.zero = z
}

// fmtBoolean formats "true" or "false".
func (p *pp) fmtBoolean(v bool) {
	if v {
		p.padString("true")
	} else {
		p.padString("false")
	}
}

// fmtUnicode formats u as "U+0078", or "U+0078 'x'" with the sharp flag.
func (p *pp) fmtUnicode(u uint64) {
	prec := 4
	if p.f.precPresent && p.f.prec > 4 {
		prec = p.f.prec
	}
	var digits []byte
	for v := u; ; v >>= 4 {
		digits = append(digits, udigits[v&0xF])
		if v < 16 {
			break
		}
	}
	for len(digits) < prec {
		digits = append(digits, '0')
	}
	out := []byte("U+")
	for i := len(digits) - 1; i >= 0; i-- {
		out = append(out, digits[i])
	}
	if p.f.sharp && u <= utf8.MaxRune && strconv.IsPrint(rune(u)) {
		out = append(out, ' ', '\'')
		out = utf8.AppendRune(out, rune(u))
		out = append(out, '\'')
	}
	p.padNoZero(out)
}

// fmtInt formats u (a two's-complement int64 when signed) in base with the
// given digit set, honouring precision, zero padding, sign flags and sharp prefixes.
func (p *pp) fmtInt(u uint64, base int, signed bool, verb rune, digits string) {
	negative := signed && int64(u) < 0
	if negative {
		u = -u
	}
	prec := 0
	if p.f.precPresent {
		prec = p.f.prec
		if prec == 0 && u == 0 {
			z := p.f.zero
			p.f.zero = false
			if p.f.widPresent {
				p.writePadding(p.f.wid)
			}
			p.f.zero = z
			return
		}
	} else if p.f.zero && p.f.widPresent {
		prec = p.f.wid
		if negative || p.f.plus || p.f.space {
			prec--
		}
	}
	// The digits go right to left into numbuf (a larger buffer only for a
	// precision past 64): at most 64 digits, a two-byte prefix and a sign.
	buf := p.numbuf[:]
	if prec+4 > len(buf) {
		buf = make([]byte, prec+4)
	}
	i := len(buf)
	if base == 10 {
		for u >= 10 {
			i--
			buf[i] = byte('0' + u%10)
			u /= 10
		}
	} else {
		b := uint64(base)
		for u >= b {
			i--
			buf[i] = digits[u%b]
			u /= b
		}
	}
	i--
	buf[i] = digits[u]
	for len(buf)-i < prec {
		i--
		buf[i] = '0'
	}
	if p.f.sharp {
		switch base {
		case 2:
			i -= 2
			buf[i], buf[i+1] = '0', 'b'
		case 8:
			if buf[i] != '0' {
				i--
				buf[i] = '0'
			}
		case 16:
			i -= 2
			buf[i], buf[i+1] = '0', digits[16]
		}
	}
	if verb == 'O' {
		i -= 2
		buf[i], buf[i+1] = '0', 'o'
	}
	if negative {
		i--
		buf[i] = '-'
	} else if p.f.plus {
		i--
		buf[i] = '+'
	} else if p.f.space {
		i--
		buf[i] = ' '
	}
	p.padNoZero(buf[i:])
}

// fmt0x64 formats v in hex, with a 0x prefix when leading0x.
func (p *pp) fmt0x64(v uint64, leading0x bool) {
	sharp := p.f.sharp
	p.f.sharp = leading0x
	p.fmtInt(v, 16, false, 'v', ldigits)
	p.f.sharp = sharp
}

// fmtC formats c as the character it encodes (U+FFFD if out of range).
func (p *pp) fmtC(c uint64) {
	r := rune(c)
	if c > utf8.MaxRune {
		r = utf8.RuneError
	}
	p.pad(utf8.AppendRune(nil, r))
}

// fmtQc formats c as a single-quoted character literal (ASCII-only with plus).
func (p *pp) fmtQc(c uint64) {
	r := rune(c)
	if c > utf8.MaxRune {
		r = utf8.RuneError
	}
	if p.f.plus {
		p.pad([]byte(strconv.QuoteRuneToASCII(r)))
	} else {
		p.pad(strconv.AppendQuoteRune(nil, r))
	}
}

// truncate cuts s to the precision, counted in runes.
func (p *pp) truncate(s string) string {
	if p.f.precPresent {
		n := p.f.prec
		for i := range s {
			n--
			if n < 0 {
				return s[:i]
			}
		}
	}
	return s
}

// fmtS formats s, truncated to the precision.
func (p *pp) fmtS(s string) {
	p.padString(p.truncate(s))
}

// fmtSx formats the bytes of s as hex: space separates bytes, sharp adds 0x
// (once, or before every byte with space).
func (p *pp) fmtSx(s string, digits string) {
	length := len(s)
	if p.f.precPresent && p.f.prec < length {
		length = p.f.prec
	}
	width := 2 * length
	if width == 0 {
		if p.f.widPresent {
			p.writePadding(p.f.wid)
		}
		return
	}
	if p.f.space {
		if p.f.sharp {
			width *= 2
		}
		width += length - 1
	} else if p.f.sharp {
		width += 2
	}
	if p.f.widPresent && p.f.wid > width && !p.f.minus {
		p.writePadding(p.f.wid - width)
	}
	if p.f.sharp {
		p.buf = append(p.buf, '0', digits[16])
	}
	for i := 0; i < length; i++ {
		if p.f.space && i > 0 {
			p.buf = append(p.buf, ' ')
			if p.f.sharp {
				p.buf = append(p.buf, '0', digits[16])
			}
		}
		c := s[i]
		p.buf = append(p.buf, digits[c>>4], digits[c&0xF])
	}
	if p.f.widPresent && p.f.wid > width && p.f.minus {
		p.writePadding(p.f.wid - width)
	}
}

// fmtQ formats s as a quoted Go string (back-quoted with sharp when possible,
// ASCII-only with plus), truncated to the precision first.
func (p *pp) fmtQ(s string) {
	s = p.truncate(s)
	if p.f.sharp && strconv.CanBackquote(s) {
		p.padString("`" + s + "`")
		return
	}
	if p.f.plus {
		p.padString(strconv.QuoteToASCII(s))
	} else {
		p.padString(strconv.Quote(s))
	}
}

// fmtFloatPrec formats v (of the given bit size) with strconv's verb and default
// precision prec (overridden by an explicit precision), then applies sign, sharp
// and padding rules; infinities and NaN are never zero-padded.
func (p *pp) fmtFloatPrec(v float64, size int, verb rune, prec int) {
	if p.f.precPresent {
		prec = p.f.prec
	}
	num := strconv.AppendFloat(p.numbuf[:1], v, byte(verb), prec, size)
	if num[1] == '-' || num[1] == '+' {
		num = num[1:]
	} else {
		num[0] = '+'
	}
	if p.f.space && num[0] == '+' && !p.f.plus {
		num[0] = ' '
	}
	if num[1] == 'I' || num[1] == 'N' {
		if num[1] == 'N' && !p.f.space && !p.f.plus {
			num = num[1:]
		}
		p.padNoZero(num)
		return
	}
	if p.f.sharp && verb != 'b' {
		num = sharpFloat(num, verb, prec)
	}
	if p.f.plus || num[0] != '+' {
		if p.f.zero && p.f.widPresent && p.f.wid > len(num) {
			p.buf = append(p.buf, num[0])
			p.writePadding(p.f.wid - len(num))
			p.buf = append(p.buf, num[1:]...)
			return
		}
		p.pad(num)
		return
	}
	p.pad(num[1:])
}

// sharpFloat applies %#: keep a decimal point and, for %g-style verbs, trailing
// zeros up to the precision (6 by default). num starts with its sign.
func sharpFloat(num []byte, verb rune, prec int) []byte {
	digits := 0
	switch verb {
	case 'v', 'g', 'G', 'x':
		digits = prec
		if digits == -1 {
			digits = 6
		}
	}
	var tail []byte
	hasPoint := false
	sawNonzero := false
	for i := 1; i < len(num); i++ {
		c := num[i]
		if c == '.' {
			hasPoint = true
			continue
		}
		if c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X') {
			tail = append(tail, num[i:]...)
			num = num[:i]
			break
		}
		if c != '0' {
			sawNonzero = true
		}
		if sawNonzero {
			digits--
		}
	}
	if !hasPoint {
		if len(num) == 2 && num[1] == '0' {
			digits--
		}
		num = append(num, '.')
	}
	for digits > 0 {
		num = append(num, '0')
		digits--
	}
	return append(num, tail...)
}
