package regexp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	digitRanges = []rune{'0', '9'}
	wordRanges  = []rune{'0', '9', 'A', 'Z', '_', '_', 'a', 'z'}
	spaceRanges = []rune{'\t', '\n', '\f', '\r', ' ', ' '}
)

// posixClasses are the [:name:] classes of RE2 (ASCII only).
var posixClasses = map[string][]rune{
	"alnum":  {'0', '9', 'A', 'Z', 'a', 'z'},
	"alpha":  {'A', 'Z', 'a', 'z'},
	"ascii":  {0, 0x7f},
	"blank":  {'\t', '\t', ' ', ' '},
	"cntrl":  {0, 0x1f, 0x7f, 0x7f},
	"digit":  {'0', '9'},
	"graph":  {'!', '~'},
	"lower":  {'a', 'z'},
	"print":  {' ', '~'},
	"punct":  {'!', '/', ':', '@', '[', '`', '{', '~'},
	"space":  {'\t', '\r', ' ', ' '},
	"upper":  {'A', 'Z'},
	"word":   {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'},
	"xdigit": {'0', '9', 'A', 'F', 'a', 'f'},
}

// perlClass returns the ranges of \d, \w or \s (and whether it is negated: \D ...).
func perlClass(c byte) ([]rune, bool, bool) {
	switch c {
	case 'd':
		return digitRanges, false, true
	case 'D':
		return digitRanges, true, true
	case 'w':
		return wordRanges, false, true
	case 'W':
		return wordRanges, true, true
	case 's':
		return spaceRanges, false, true
	case 'S':
		return spaceRanges, true, true
	}
	return nil, false, false
}

// escape parses a backslash escape outside a class.
func (p *parser) escape() (*node, error) {
	if len(p.s) < 2 {
		return nil, p.err(ErrTrailingBackslash, "")
	}
	c := p.s[1]
	switch c {
	case 'A':
		p.s = p.s[2:]
		return &node{op: opBOT}, nil
	case 'z':
		p.s = p.s[2:]
		return &node{op: opEOT}, nil
	case 'b':
		p.s = p.s[2:]
		return &node{op: opWordB}, nil
	case 'B':
		p.s = p.s[2:]
		return &node{op: opNoWordB}, nil
	case 'Q':
		// \Q...\E: literal text; a repetition after it applies to its last rune, so
		// the runes are taken one at a time, the rest left quoted.
		lit := p.s[2:]
		end := strings.Index(lit, `\E`)
		after := ""
		if end < 0 {
			end = len(lit)
		} else {
			after = lit[end+2:]
		}
		if end == 0 {
			p.s = after
			return &node{op: opEmpty}, nil
		}
		r, w := utf8.DecodeRuneInString(lit)
		if w == end {
			p.s = after
		} else {
			p.s = `\Q` + lit[w:end] + `\E` + after
		}
		return p.lit(r), nil
	case 'p', 'P':
		return nil, p.err(ErrInvalidCharRange, p.s[:2])
	}
	if ranges, neg, ok := perlClass(c); ok {
		p.s = p.s[2:]
		return &node{op: opClass, ranges: ranges, negated: neg}, nil
	}
	r, err := p.escapeRune()
	if err != nil {
		return nil, err
	}
	return p.lit(r), nil
}

// escapeRune parses an escape that stands for one rune (p.s starts with `\`).
func (p *parser) escapeRune() (rune, error) {
	whole := p.s
	if len(p.s) < 2 {
		return 0, p.err(ErrTrailingBackslash, "")
	}
	c, w := utf8.DecodeRuneInString(p.s[1:])
	p.s = p.s[1+w:]
	switch c {
	case 'a':
		return 7, nil
	case 'f':
		return '\f', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 't':
		return '\t', nil
	case 'v':
		return '\v', nil
	case '0', '1', '2', '3', '4', '5', '6', '7':
		// Octal: \0 to \777, but \1-\7 only when followed by more digits.
		if c != '0' && (p.s == "" || p.s[0] < '0' || p.s[0] > '7') {
			break
		}
		v := c - '0'
		for i := 0; i < 2 && p.s != "" && p.s[0] >= '0' && p.s[0] <= '7'; i++ {
			v = v*8 + rune(p.s[0]-'0')
			p.s = p.s[1:]
		}
		return v, nil
	case 'x':
		if p.s == "" {
			break
		}
		if p.s[0] == '{' {
			v := rune(0)
			i := 1
			for ; i < len(p.s) && p.s[i] != '}'; i++ {
				d := hexVal(p.s[i])
				if d < 0 || v > unicode.MaxRune {
					return 0, p.err(ErrInvalidEscape, whole[:len(whole)-len(p.s)+i+1])
				}
				v = v*16 + rune(d)
			}
			if i == 1 || i >= len(p.s) || v > unicode.MaxRune {
				return 0, p.err(ErrInvalidEscape, whole[:len(whole)-len(p.s)+min(i+1, len(p.s))])
			}
			p.s = p.s[i+1:]
			return v, nil
		}
		if len(p.s) < 2 || hexVal(p.s[0]) < 0 || hexVal(p.s[1]) < 0 {
			break
		}
		v := rune(hexVal(p.s[0])*16 + hexVal(p.s[1]))
		p.s = p.s[2:]
		return v, nil
	default:
		if c < utf8.RuneSelf && !isAlnum(byte(c)) {
			return c, nil
		}
	}
	return 0, p.err(ErrInvalidEscape, whole[:len(whole)-len(p.s)])
}

func min(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// class parses a bracketed character class.
func (p *parser) class() (*node, error) {
	whole := p.s
	p.s = p.s[1:]
	n := &node{op: opClass}
	if p.s != "" && p.s[0] == '^' {
		n.negated = true
		p.s = p.s[1:]
	}
	first := true
	for p.s == "" || p.s[0] != ']' || first {
		if p.s == "" {
			return nil, p.err(ErrMissingBracket, whole)
		}
		first = false
		if len(p.s) >= 2 && p.s[0] == '[' && p.s[1] == ':' {
			end := -1
			for i := 2; i+1 < len(p.s); i++ {
				if p.s[i] == ':' && p.s[i+1] == ']' {
					end = i
					break
				}
			}
			if end >= 0 {
				name := p.s[2:end]
				neg := false
				if name != "" && name[0] == '^' {
					neg, name = true, name[1:]
				}
				r, ok := posixClasses[name]
				if !ok {
					return nil, p.err(ErrInvalidCharRange, p.s[:end+2])
				}
				if neg {
					r = negate(r)
				}
				n.ranges = append(n.ranges, r...)
				p.s = p.s[end+2:]
				continue
			}
		}
		if len(p.s) >= 2 && p.s[0] == '\\' {
			if r, neg, ok := perlClass(p.s[1]); ok {
				if neg {
					r = negate(r)
				}
				n.ranges = append(n.ranges, r...)
				p.s = p.s[2:]
				continue
			}
		}
		start := p.s
		lo, err := p.classRune()
		if err != nil {
			return nil, err
		}
		hi := lo
		if len(p.s) >= 2 && p.s[0] == '-' && p.s[1] != ']' {
			p.s = p.s[1:]
			if hi, err = p.classRune(); err != nil {
				return nil, err
			}
			if hi < lo {
				return nil, p.err(ErrInvalidCharRange, start[:len(start)-len(p.s)])
			}
		}
		n.ranges = append(n.ranges, lo, hi)
		if p.flags&flagI != 0 {
			n.ranges = addFolds(n.ranges, lo, hi)
		}
	}
	p.s = p.s[1:]
	return n, nil
}

func (p *parser) classRune() (rune, error) {
	if p.s[0] == '\\' {
		return p.escapeRune()
	}
	r, w := utf8.DecodeRuneInString(p.s)
	p.s = p.s[w:]
	return r, nil
}

// addFolds adds to ranges the case variants of lo..hi (for (?i)).
func addFolds(ranges []rune, lo, hi rune) []rune {
	if hi-lo > 1000 {
		hi = lo + 1000
	}
	for r := lo; r <= hi; r++ {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			ranges = append(ranges, f, f)
		}
	}
	return ranges
}

// negate returns the complement of sorted, disjoint ranges.
func negate(r []rune) []rune {
	var out []rune
	next := rune(0)
	for i := 0; i < len(r); i += 2 {
		if r[i] > next {
			out = append(out, next, r[i]-1)
		}
		next = r[i+1] + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, next, unicode.MaxRune)
	}
	return out
}

func (n *node) inClass(r rune) bool {
	in := false
	for i := 0; i < len(n.ranges); i += 2 {
		if n.ranges[i] <= r && r <= n.ranges[i+1] {
			in = true
			break
		}
	}
	return in != n.negated
}
