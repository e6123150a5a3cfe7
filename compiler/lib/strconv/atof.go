package strconv

// parseSpecial recognizes "inf", "infinity" (any case, optional sign) and "nan"
// (any case, no sign), the whole of s.
func parseSpecial(s string) (f float64, ok bool) {
	sign := 1
	t := s
	if len(t) > 0 && (t[0] == '+' || t[0] == '-') {
		if t[0] == '-' {
			sign = -1
		}
		t = t[1:]
	}
	switch lowerString(t) {
	case "inf", "infinity":
		if sign < 0 {
			return -inf(), true
		}
		return inf(), true
	case "nan":
		if len(t) == len(s) {
			zero := 0.0
			return zero / zero, true
		}
	}
	return 0, false
}

func inf() float64 {
	zero := 0.0
	return 1 / zero
}

// lowerString maps ASCII letters of s to lower case.
func lowerString(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + ('a' - 'A')
		}
	}
	return string(b)
}

// floatLiteral checks that s is a decimal or hexadecimal floating-point literal
// as ParseFloat accepts it (sign, digits with at most one '.', exponent 'e' or,
// required for hex, 'p'; '_' only between digits) and returns it without
// underscores.
func floatLiteral(s string) (string, bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	hex := false
	if i+2 < len(s) && s[i] == '0' && lower(s[i+1]) == 'x' {
		hex = true
		i += 2
	}
	underscores, sawDot, sawDigits := false, false, false
	for ; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			underscores = true
			continue
		}
		if c == '.' && !sawDot {
			sawDot = true
			continue
		}
		if '0' <= c && c <= '9' || hex && 'a' <= lower(c) && lower(c) <= 'f' {
			sawDigits = true
			continue
		}
		break
	}
	if !sawDigits {
		return "", false
	}
	expChar := byte('e')
	if hex {
		expChar = 'p'
	}
	if i < len(s) && lower(s[i]) == expChar {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return "", false
		}
		for ; i < len(s) && ('0' <= s[i] && s[i] <= '9' || s[i] == '_'); i++ {
			if s[i] == '_' {
				underscores = true
			}
		}
	} else if hex {
		return "", false
	}
	if i != len(s) || underscores && !underscoreOK(s) {
		return "", false
	}
	if !underscores {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for j := 0; j < len(s); j++ {
		if s[j] != '_' {
			b = append(b, s[j])
		}
	}
	return string(b), true
}

// ParseFloat converts s to the nearest float64 (bitSize 64) or float32 value
// (bitSize 32, returned widened), with gc's syntax: decimal and hexadecimal
// literals, underscores between digits, "inf", "infinity", "nan". Errors are
// *NumError: ErrSyntax (result 0) or, when the value rounds beyond the largest
// finite value, ErrRange (result ±Inf).
func ParseFloat(s string, bitSize int) (float64, error) {
	const fn = "ParseFloat"
	if f, ok := parseSpecial(s); ok {
		return f, nil
	}
	lit, ok := floatLiteral(s)
	if !ok {
		return 0, syntaxError(fn, s)
	}
	if bitSize != 32 {
		bitSize = 64
	}
	f, overflow := parseFloat(lit, bitSize)
	if overflow {
		return f, rangeError(fn, s)
	}
	return f, nil
}
