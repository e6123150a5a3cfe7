// Package utf8 encodes and decodes UTF-8 text.
//
//	r, size := utf8.DecodeRuneInString("é!")   // 'é', 2
//	utf8.EncodeRune(buf, '€')                  // writes e2 82 ac, returns 3
//
// Invalid encodings (bad lead or continuation bytes, overlong forms, surrogates,
// values above MaxRune) decode as (RuneError, 1), exactly like gc's package.
package utf8

const (
	RuneError = '\uFFFD'
	RuneSelf  = 0x80
	MaxRune   = '\U0010FFFF'
	UTFMax    = 4
)

const (
	surrogateMin = 0xD800
	surrogateMax = 0xDFFF
)

// RuneLen returns the number of bytes EncodeRune would write for r, or -1 if r is
// not encodable (negative, a surrogate, or above MaxRune).
func RuneLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case surrogateMin <= r && r <= surrogateMax:
		return -1
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return -1
}

// ValidRune reports whether r can be encoded as UTF-8.
func ValidRune(r rune) bool {
	return RuneLen(r) > 0
}

// EncodeRune writes the encoding of r (RuneError if r is invalid) into p, which
// must be large enough, and returns the number of bytes written.
func EncodeRune(p []byte, r rune) int {
	if RuneLen(r) < 0 {
		r = RuneError
	}
	switch {
	case r < 0x80:
		p[0] = byte(r)
		return 1
	case r < 0x800:
		p[0] = byte(0xC0 | r>>6)
		p[1] = byte(0x80 | r&0x3F)
		return 2
	case r < 0x10000:
		p[0] = byte(0xE0 | r>>12)
		p[1] = byte(0x80 | (r>>6)&0x3F)
		p[2] = byte(0x80 | r&0x3F)
		return 3
	}
	p[0] = byte(0xF0 | r>>18)
	p[1] = byte(0x80 | (r>>12)&0x3F)
	p[2] = byte(0x80 | (r>>6)&0x3F)
	p[3] = byte(0x80 | r&0x3F)
	return 4
}

// AppendRune appends the encoding of r to p.
func AppendRune(p []byte, r rune) []byte {
	var buf [UTFMax]byte
	n := EncodeRune(buf[:], r)
	return append(p, buf[:n]...)
}

// decode is the shared decoder: it reads one rune from the bytes b0..b3, of which
// only the first n (0..4) are present.
func decode(b0, b1, b2, b3 int, n int) (rune, int) {
	if n < 1 {
		return RuneError, 0
	}
	if b0 < 0x80 {
		return rune(b0), 1
	}
	var need int
	var r rune
	var lo, hi = 0x80, 0xBF
	switch {
	case b0 >= 0xC2 && b0 <= 0xDF:
		need, r = 2, rune(b0&0x1F)
	case b0 >= 0xE0 && b0 <= 0xEF:
		need, r = 3, rune(b0&0x0F)
		if b0 == 0xE0 {
			lo = 0xA0
		} else if b0 == 0xED {
			hi = 0x9F
		}
	case b0 >= 0xF0 && b0 <= 0xF4:
		need, r = 4, rune(b0&0x07)
		if b0 == 0xF0 {
			lo = 0x90
		} else if b0 == 0xF4 {
			hi = 0x8F
		}
	default:
		return RuneError, 1
	}
	if n < need {
		return RuneError, 1
	}
	if b1 < lo || b1 > hi {
		return RuneError, 1
	}
	r = r<<6 | rune(b1&0x3F)
	if need == 2 {
		return r, 2
	}
	if b2 < 0x80 || b2 > 0xBF {
		return RuneError, 1
	}
	r = r<<6 | rune(b2&0x3F)
	if need == 3 {
		return r, 3
	}
	if b3 < 0x80 || b3 > 0xBF {
		return RuneError, 1
	}
	return r<<6 | rune(b3&0x3F), 4
}

// DecodeRune unpacks the first UTF-8 encoding in p and returns the rune and its
// width in bytes: (RuneError, 0) for empty p, (RuneError, 1) for an invalid encoding.
func DecodeRune(p []byte) (rune, int) {
	var b [4]int
	n := len(p)
	if n > 4 {
		n = 4
	}
	for i := 0; i < n; i++ {
		b[i] = int(p[i])
	}
	return decode(b[0], b[1], b[2], b[3], n)
}

// DecodeRuneInString is DecodeRune for a string.
func DecodeRuneInString(s string) (rune, int) {
	var b [4]int
	n := len(s)
	if n > 4 {
		n = 4
	}
	for i := 0; i < n; i++ {
		b[i] = int(s[i])
	}
	return decode(b[0], b[1], b[2], b[3], n)
}

// DecodeLastRuneInString unpacks the last UTF-8 encoding in s, with DecodeRune's
// conventions for empty and invalid input.
func DecodeLastRuneInString(s string) (rune, int) {
	end := len(s)
	if end == 0 {
		return RuneError, 0
	}
	start := end - 1
	if s[start] < RuneSelf {
		return rune(s[start]), 1
	}
	lim := end - UTFMax
	if lim < 0 {
		lim = 0
	}
	for start--; start >= lim; start-- {
		if !RuneStart(s[start]) {
			continue
		}
		break
	}
	if start < 0 {
		start = 0
	}
	r, size := DecodeRuneInString(s[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

// DecodeLastRune is DecodeLastRuneInString for a byte slice.
func DecodeLastRune(p []byte) (rune, int) {
	return DecodeLastRuneInString(string(p))
}

// RuneStart reports whether b could be the first byte of an encoding.
func RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// RuneCountInString returns the number of runes in s; each invalid byte counts as one.
func RuneCountInString(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < RuneSelf {
			i++
		} else {
			_, size := DecodeRuneInString(s[i:])
			i += size
		}
		n++
	}
	return n
}

// RuneCount is RuneCountInString for a byte slice (read in place, not copied).
func RuneCount(p []byte) int {
	n := 0
	for i := 0; i < len(p); {
		if p[i] < RuneSelf {
			i++
		} else {
			_, size := DecodeRune(p[i:])
			i += size
		}
		n++
	}
	return n
}

// ValidString reports whether s consists entirely of valid UTF-8 encodings.
func ValidString(s string) bool {
	for i := 0; i < len(s); {
		r, size := DecodeRuneInString(s[i:])
		if r == RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// Valid is ValidString for a byte slice.
func Valid(p []byte) bool {
	return ValidString(string(p))
}

// FullRuneInString reports whether s begins with a complete encoding (an invalid
// encoding counts as complete, since it decodes as a width-1 error).
func FullRuneInString(s string) bool {
	if len(s) == 0 {
		return false
	}
	if len(s) >= UTFMax {
		return true
	}
	r, size := DecodeRuneInString(s)
	if r != RuneError || size != 1 {
		return true
	}
	pad := s
	for len(pad) < UTFMax {
		pad += "\x80"
	}
	_, full := DecodeRuneInString(pad)
	return full == 1
}

// FullRune is FullRuneInString for a byte slice.
func FullRune(p []byte) bool {
	return FullRuneInString(string(p))
}
