package strconv

import "unicode/utf8"

const lowerhex = "0123456789abcdef"

// IsPrint reports whether r is printable as Go defines it: letters, marks,
// numbers, punctuation, symbols and the ASCII space.
func IsPrint(r rune) bool {
	if r < 0x7F {
		return 0x20 <= r
	}
	u := uint32(r)
	lo, hi := 0, len(printRanges)/2
	for lo < hi {
		m := (lo + hi) / 2
		if printRanges[2*m+1] < u {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(printRanges)/2 && printRanges[2*lo] <= u
}

// appendEscapedRune appends r as it appears inside a literal quoted with quote.
func appendEscapedRune(buf []byte, r rune, quote byte, asciiOnly bool) []byte {
	if r == rune(quote) || r == '\\' {
		return append(buf, '\\', byte(r))
	}
	if asciiOnly {
		if r < utf8.RuneSelf && IsPrint(r) {
			return append(buf, byte(r))
		}
	} else if IsPrint(r) {
		return utf8.AppendRune(buf, r)
	}
	switch r {
	case '\a':
		return append(buf, '\\', 'a')
	case '\b':
		return append(buf, '\\', 'b')
	case '\f':
		return append(buf, '\\', 'f')
	case '\n':
		return append(buf, '\\', 'n')
	case '\r':
		return append(buf, '\\', 'r')
	case '\t':
		return append(buf, '\\', 't')
	case '\v':
		return append(buf, '\\', 'v')
	}
	switch {
	case r < ' ' || r == 0x7F:
		return append(buf, '\\', 'x', lowerhex[byte(r)>>4], lowerhex[byte(r)&0xF])
	case !utf8.ValidRune(r):
		r = utf8.RuneError
		fallthrough
	case r < 0x10000:
		buf = append(buf, '\\', 'u')
		for s := 12; s >= 0; s -= 4 {
			buf = append(buf, lowerhex[r>>uint(s)&0xF])
		}
		return buf
	}
	buf = append(buf, '\\', 'U')
	for s := 28; s >= 0; s -= 4 {
		buf = append(buf, lowerhex[r>>uint(s)&0xF])
	}
	return buf
}

// appendQuoted appends s quoted with quote; invalid bytes become \xHH.
func appendQuoted(buf []byte, s string, quote byte, asciiOnly bool) []byte {
	buf = append(buf, quote)
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		if width == 1 && r == utf8.RuneError {
			buf = append(buf, '\\', 'x', lowerhex[s[i]>>4], lowerhex[s[i]&0xF])
		} else {
			buf = appendEscapedRune(buf, r, quote, asciiOnly)
		}
		i += width
	}
	return append(buf, quote)
}

// appendQuotedRune appends r as a single-quoted Go character literal.
func appendQuotedRune(buf []byte, r rune, asciiOnly bool) []byte {
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	buf = append(buf, '\'')
	buf = appendEscapedRune(buf, r, '\'', asciiOnly)
	return append(buf, '\'')
}

// Quote returns s as a double-quoted Go string literal; non-printable runes and
// invalid bytes are escaped.
func Quote(s string) string { return string(appendQuoted(nil, s, '"', false)) }

// AppendQuote appends Quote(s) to dst.
func AppendQuote(dst []byte, s string) []byte { return appendQuoted(dst, s, '"', false) }

// QuoteToASCII is Quote with every non-ASCII rune escaped too.
func QuoteToASCII(s string) string { return string(appendQuoted(nil, s, '"', true)) }

// AppendQuoteToASCII appends QuoteToASCII(s) to dst.
func AppendQuoteToASCII(dst []byte, s string) []byte {
	return appendQuoted(dst, s, '"', true)
}

// QuoteRune returns r as a single-quoted Go character literal.
func QuoteRune(r rune) string { return string(appendQuotedRune(nil, r, false)) }

// AppendQuoteRune appends QuoteRune(r) to dst.
func AppendQuoteRune(dst []byte, r rune) []byte { return appendQuotedRune(dst, r, false) }

// QuoteRuneToASCII is QuoteRune with a non-ASCII rune escaped.
func QuoteRuneToASCII(r rune) string { return string(appendQuotedRune(nil, r, true)) }

// CanBackquote reports whether s can be written as a raw string literal unchanged.
func CanBackquote(s string) bool {
	for len(s) > 0 {
		r, w := utf8.DecodeRuneInString(s)
		s = s[w:]
		if w > 1 {
			if r == '\uFEFF' {
				return false
			}
			continue
		}
		if r == utf8.RuneError {
			return false
		}
		if (r < ' ' && r != '\t') || r == '`' || r == 0x7F {
			return false
		}
	}
	return true
}

// unhex returns the value of hex digit c.
func unhex(c byte) (rune, bool) {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0'), true
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10), true
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10), true
	}
	return 0, false
}

// UnquoteChar decodes the first character or escape sequence of the quoted text
// s delimited by quote: the value, whether it needs multibyte UTF-8, the rest of
// s, or ErrSyntax.
func UnquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, err error) {
	if len(s) == 0 {
		return 0, false, "", ErrSyntax
	}
	c := s[0]
	if c == quote && (quote == '\'' || quote == '"') {
		return 0, false, "", ErrSyntax
	}
	if c >= utf8.RuneSelf {
		r, size := utf8.DecodeRuneInString(s)
		return r, true, s[size:], nil
	}
	if c != '\\' {
		return rune(s[0]), false, s[1:], nil
	}
	if len(s) <= 1 {
		return 0, false, "", ErrSyntax
	}
	c = s[1]
	s = s[2:]
	switch c {
	case 'a':
		return '\a', false, s, nil
	case 'b':
		return '\b', false, s, nil
	case 'f':
		return '\f', false, s, nil
	case 'n':
		return '\n', false, s, nil
	case 'r':
		return '\r', false, s, nil
	case 't':
		return '\t', false, s, nil
	case 'v':
		return '\v', false, s, nil
	case 'x', 'u', 'U':
		n := 2
		if c == 'u' {
			n = 4
		} else if c == 'U' {
			n = 8
		}
		if len(s) < n {
			return 0, false, "", ErrSyntax
		}
		var v rune
		for j := 0; j < n; j++ {
			x, ok := unhex(s[j])
			if !ok {
				return 0, false, "", ErrSyntax
			}
			v = v<<4 | x
		}
		s = s[n:]
		if c == 'x' {
			return v, false, s, nil
		}
		if !utf8.ValidRune(v) {
			return 0, false, "", ErrSyntax
		}
		return v, true, s, nil
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v := rune(c) - '0'
		if len(s) < 2 {
			return 0, false, "", ErrSyntax
		}
		for j := 0; j < 2; j++ {
			x := rune(s[j]) - '0'
			if x < 0 || x > 7 {
				return 0, false, "", ErrSyntax
			}
			v = v<<3 | x
		}
		if v > 255 {
			return 0, false, "", ErrSyntax
		}
		return v, false, s[2:], nil
	case '\\':
		return '\\', false, s, nil
	case '\'', '"':
		if c != quote {
			return 0, false, "", ErrSyntax
		}
		return rune(c), false, s, nil
	}
	return 0, false, "", ErrSyntax
}

// Unquote interprets s as a single-quoted, double-quoted or back-quoted Go
// literal and returns its value, or ErrSyntax. Like gc 1.19, it accepts an
// empty single-quoted literal (two quote marks) as the empty string.
func Unquote(s string) (string, error) {
	n := len(s)
	if n < 2 {
		return "", ErrSyntax
	}
	quote := s[0]
	if quote != s[n-1] {
		return "", ErrSyntax
	}
	s = s[1 : n-1]
	if quote == '`' {
		for i := 0; i < len(s); i++ {
			if s[i] == '`' {
				return "", ErrSyntax
			}
		}
		out := make([]byte, 0, len(s))
		for i := 0; i < len(s); i++ {
			if s[i] != '\r' {
				out = append(out, s[i])
			}
		}
		return string(out), nil
	}
	if quote != '"' && quote != '\'' {
		return "", ErrSyntax
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return "", ErrSyntax
		}
	}
	var buf []byte
	for len(s) > 0 {
		c, multibyte, rest, err := UnquoteChar(s, quote)
		if err != nil {
			return "", err
		}
		s = rest
		if c < utf8.RuneSelf || !multibyte {
			buf = append(buf, byte(c))
		} else {
			buf = utf8.AppendRune(buf, c)
		}
		if quote == '\'' && len(s) != 0 {
			return "", ErrSyntax
		}
	}
	return string(buf), nil
}
