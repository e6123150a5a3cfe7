// Package strconv converts between strings and basic values.
//
//	strconv.Itoa(-42)            // "-42"
//	strconv.FormatInt(255, 16)   // "ff"
//	strconv.Quote("a\tb☺\x00")   // `"a\tb☺\x00"`
//	n, err := strconv.Atoi("12a") // 0, strconv.Atoi: parsing "12a": invalid syntax
//
// Shortest float formatting is Go (ftoa.go); formatting with a precision is a
// runtime hook (formatFloat, hooks_refgo.go). The printable-rune table comes
// from gc's strconv via mkisprint.go.
package strconv

import "errors"

const digits = "0123456789abcdefghijklmnopqrstuvwxyz"

// IntSize is the size in bits of an int.
const IntSize = 64

var (
	ErrRange  = errors.New("value out of range")
	ErrSyntax = errors.New("invalid syntax")
)

// NumError records a failed conversion.
type NumError struct {
	Func string
	Num  string
	Err  error
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

func syntaxError(fn, s string) *NumError { return &NumError{fn, s, ErrSyntax} }

func rangeError(fn, s string) *NumError { return &NumError{fn, s, ErrRange} }

// FormatUint returns i in the given base (2..36), lower-case letters for digits >= 10.
func FormatUint(i uint64, base int) string {
	return string(AppendUint(nil, i, base))
}

// FormatInt returns i in the given base (2..36), with a leading '-' if negative.
func FormatInt(i int64, base int) string {
	return string(AppendInt(nil, i, base))
}

// Itoa is FormatInt(int64(i), 10).
func Itoa(i int) string {
	return FormatInt(int64(i), 10)
}

// AppendInt appends the FormatInt form of i to dst.
func AppendInt(dst []byte, i int64, base int) []byte {
	if i < 0 {
		return appendDigits(append(dst, '-'), uint64(-i), base)
	}
	return appendDigits(dst, uint64(i), base)
}

// AppendUint appends the FormatUint form of i to dst.
func AppendUint(dst []byte, i uint64, base int) []byte {
	return appendDigits(dst, i, base)
}

// appendDigits appends u in base, most significant digit first.
func appendDigits(dst []byte, u uint64, base int) []byte {
	if base < 2 || base > len(digits) {
		panic("strconv: illegal AppendInt/FormatInt base")
	}
	var buf [64]byte
	i := len(buf)
	b := uint64(base)
	for u >= b {
		i--
		buf[i] = digits[u%b]
		u /= b
	}
	i--
	buf[i] = digits[u]
	return append(dst, buf[i:]...)
}

// FormatBool returns "true" or "false".
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// AppendBool appends FormatBool(b) to dst.
func AppendBool(dst []byte, b bool) []byte {
	return append(dst, FormatBool(b)...)
}

// ParseBool accepts 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False.
func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "TRUE", "true", "True":
		return true, nil
	case "0", "f", "F", "FALSE", "false", "False":
		return false, nil
	}
	return false, syntaxError("ParseBool", str)
}

func lower(c byte) byte { return c | ('x' - 'X') }

// underscoreOK reports whether the underscores in s (a base-prefixed literal) sit
// only between digits or between the base prefix and a digit, as Go literals allow.
func underscoreOK(s string) bool {
	saw := byte('^')
	i := 0
	if len(s) >= 1 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	hex := false
	if len(s) >= 2 && s[0] == '0' {
		c := lower(s[1])
		if c == 'b' || c == 'o' || c == 'x' {
			i = 2
			saw = '0'
			hex = c == 'x'
		}
	}
	for ; i < len(s); i++ {
		c := s[i]
		if '0' <= c && c <= '9' || hex && 'a' <= lower(c) && lower(c) <= 'f' {
			saw = '0'
			continue
		}
		if c == '_' {
			if saw != '0' {
				return false
			}
			saw = '_'
			continue
		}
		if saw == '_' {
			return false
		}
		saw = '!'
	}
	return saw != '_'
}

// ParseUint interprets s in the given base (0 = from the prefix, 2..36) and
// checks that the result fits in bitSize bits (0 = 64). Errors are *NumError;
// out-of-range values return the maximum with ErrRange.
func ParseUint(s string, base int, bitSize int) (uint64, error) {
	const fn = "ParseUint"
	if s == "" {
		return 0, syntaxError(fn, s)
	}
	base0 := base == 0
	s0 := s
	switch {
	case 2 <= base && base <= 36:
	case base == 0:
		base = 10
		if s[0] == '0' {
			switch {
			case len(s) >= 3 && lower(s[1]) == 'b':
				base = 2
				s = s[2:]
			case len(s) >= 3 && lower(s[1]) == 'o':
				base = 8
				s = s[2:]
			case len(s) >= 3 && lower(s[1]) == 'x':
				base = 16
				s = s[2:]
			default:
				base = 8
				s = s[1:]
			}
		}
	default:
		return 0, &NumError{fn, s0, errors.New("invalid base " + Itoa(base))}
	}
	if bitSize == 0 {
		bitSize = IntSize
	} else if bitSize < 0 || bitSize > 64 {
		return 0, &NumError{fn, s0, errors.New("invalid bit size " + Itoa(bitSize))}
	}
	const maxUint64 = 1<<64 - 1
	cutoff := uint64(maxUint64)/uint64(base) + 1
	maxVal := uint64(1)<<uint(bitSize) - 1
	underscores := false
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d byte
		switch {
		case c == '_' && base0:
			underscores = true
			continue
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= lower(c) && lower(c) <= 'z':
			d = lower(c) - 'a' + 10
		default:
			return 0, syntaxError(fn, s0)
		}
		if d >= byte(base) {
			return 0, syntaxError(fn, s0)
		}
		if n >= cutoff {
			return maxVal, rangeError(fn, s0)
		}
		n *= uint64(base)
		n1 := n + uint64(d)
		if n1 < n || n1 > maxVal {
			return maxVal, rangeError(fn, s0)
		}
		n = n1
	}
	if underscores && !underscoreOK(s0) {
		return 0, syntaxError(fn, s0)
	}
	return n, nil
}

// ParseInt is ParseUint with an optional sign; out-of-range values return the
// nearest bound with ErrRange.
func ParseInt(s string, base int, bitSize int) (int64, error) {
	const fn = "ParseInt"
	if s == "" {
		return 0, syntaxError(fn, s)
	}
	s0 := s
	neg := false
	if s[0] == '+' {
		s = s[1:]
	} else if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	un, err := ParseUint(s, base, bitSize)
	if err != nil && err.(*NumError).Err != ErrRange {
		ne := err.(*NumError)
		ne.Func = fn
		ne.Num = s0
		return 0, ne
	}
	if bitSize == 0 {
		bitSize = IntSize
	}
	cutoff := uint64(1) << uint(bitSize-1)
	if !neg && un >= cutoff {
		return int64(cutoff - 1), rangeError(fn, s0)
	}
	if neg && un > cutoff {
		return -int64(cutoff), rangeError(fn, s0)
	}
	n := int64(un)
	if neg {
		n = -n
	}
	return n, nil
}

// Atoi is ParseInt(s, 10, 0) converted to int, with Func "Atoi" in errors.
func Atoi(s string) (int, error) {
	i, err := ParseInt(s, 10, 0)
	if err != nil {
		ne := err.(*NumError)
		ne.Func = "Atoi"
		return int(i), ne
	}
	return int(i), nil
}
