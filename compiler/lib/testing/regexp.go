package testing

import (
	"strings"
	"unicode/utf8"
)

// A small backtracking regexp engine for -test.run and -test.bench patterns.
// It supports the RE2 syntax such patterns use: literals, '.', classes
// [a-z] [^...] with \d \w \s (and upper-case negations), groups (...) and
// (?:...), alternation '|', the quantifiers * + ? {n} {n,} {n,m} (and their lazy
// forms with '?'), and the anchors ^ $ \A \z. Matching is unanchored, like
// regexp.MatchString. Flags such as (?i), \b and Unicode classes \pL are
// rejected as unsupported.

// reNode is one parsed element; only the fields of its op are valid.
type reNode struct {
	op        int
	r         rune        // opLit
	ranges    []rune      // opClass: inclusive pairs
	negate    bool        // opClass
	alts      [][]*reNode // opGroup
	sub       *reNode     // opRepeat
	min       int         // opRepeat
	max       int         // opRepeat; -1 = unbounded
	nongreedy bool        // opRepeat
}

const (
	opLit = iota
	opAny
	opClass
	opBegin
	opEnd
	opGroup
	opRepeat
)

// reParser parses one pattern; err is the first error, in Go's regexp wording.
type reParser struct {
	src string
	pos int
	err string
}

// compileRegexp parses pattern or returns an error message such as
// "missing closing ): `(`".
func compileRegexp(pattern string) ([][]*reNode, string) {
	p := &reParser{src: pattern}
	alts := p.parseAlts(0)
	if p.err == "" && p.pos < len(p.src) {
		p.err = "unexpected ): `" + pattern + "`"
	}
	return alts, p.err
}

func (p *reParser) fail(msg string) {
	if p.err == "" {
		p.err = msg
	}
}

// parseAlts parses alternatives up to an unmatched ')' or the end.
func (p *reParser) parseAlts(depth int) [][]*reNode {
	var alts [][]*reNode
	var seq []*reNode
	for p.pos < len(p.src) && p.err == "" {
		c := p.src[p.pos]
		switch c {
		case '|':
			p.pos++
			alts = append(alts, seq)
			seq = nil
			continue
		case ')':
			if depth == 0 {
				p.fail("unexpected ): `" + p.src + "`")
			}
			alts = append(alts, seq)
			return alts
		case '*', '+', '?', '{':
			if c == '{' && !p.isRepeatBrace() {
				seq = append(seq, &reNode{op: opLit, r: '{'})
				p.pos++
				continue
			}
			if len(seq) == 0 {
				p.fail("missing argument to repetition operator: `" + string(c) + "`")
				return nil
			}
			last := seq[len(seq)-1]
			if last.op == opRepeat {
				p.fail("invalid nested repetition operator: `" + p.src[p.pos:p.pos+1] + "`")
				return nil
			}
			seq[len(seq)-1] = p.parseRepeat(last)
			continue
		}
		seq = append(seq, p.parseAtom(depth))
	}
	alts = append(alts, seq)
	return alts
}

// isRepeatBrace reports whether the '{' at pos starts a {n}, {n,} or {n,m}.
func (p *reParser) isRepeatBrace() bool {
	end := strings.IndexByte(p.src[p.pos:], '}')
	if end < 0 {
		return false
	}
	body := p.src[p.pos+1 : p.pos+end]
	lo, hi, comma := body, "", false
	if i := strings.IndexByte(body, ','); i >= 0 {
		lo, hi, comma = body[:i], body[i+1:], true
	}
	return isDigits(lo) && (!comma || hi == "" || isDigits(hi))
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// parseRepeat wraps sub in the quantifier at pos.
func (p *reParser) parseRepeat(sub *reNode) *reNode {
	n := &reNode{op: opRepeat, sub: sub}
	switch p.src[p.pos] {
	case '*':
		n.min, n.max = 0, -1
		p.pos++
	case '+':
		n.min, n.max = 1, -1
		p.pos++
	case '?':
		n.min, n.max = 0, 1
		p.pos++
	case '{':
		end := p.pos + strings.IndexByte(p.src[p.pos:], '}')
		body := p.src[p.pos+1 : end]
		if i := strings.IndexByte(body, ','); i >= 0 {
			n.min, n.max = atoi(body[:i]), -1
			if body[i+1:] != "" {
				n.max = atoi(body[i+1:])
			}
		} else {
			n.min = atoi(body)
			n.max = n.min
		}
		p.pos = end + 1
	}
	if p.pos < len(p.src) && p.src[p.pos] == '?' {
		n.nongreedy = true
		p.pos++
	}
	return n
}

// parseAtom parses a literal, '.', anchor, class, escape or group at pos.
func (p *reParser) parseAtom(depth int) *reNode {
	c := p.src[p.pos]
	switch c {
	case '.':
		p.pos++
		return &reNode{op: opAny}
	case '^':
		p.pos++
		return &reNode{op: opBegin}
	case '$':
		p.pos++
		return &reNode{op: opEnd}
	case '[':
		return p.parseClass()
	case '\\':
		return p.parseEscape(false)
	case '(':
		start := p.pos
		p.pos++
		if strings.HasPrefix(p.src[p.pos:], "?:") {
			p.pos += 2
		} else if p.pos < len(p.src) && p.src[p.pos] == '?' {
			p.fail("refgo testing: unsupported group syntax: `" + p.src[start:] + "`")
			return &reNode{op: opAny}
		}
		alts := p.parseAlts(depth + 1)
		if p.pos >= len(p.src) || p.src[p.pos] != ')' {
			p.fail("missing closing ): `" + p.src + "`")
			return &reNode{op: opAny}
		}
		p.pos++
		return &reNode{op: opGroup, alts: alts}
	}
	r, size := utf8.DecodeRuneInString(p.src[p.pos:])
	p.pos += size
	return &reNode{op: opLit, r: r}
}

// classEscape returns the ranges of \d \w \s (negate for \D \W \S).
func classEscape(c byte) ([]rune, bool, bool) {
	switch c {
	case 'd', 'D':
		return []rune{'0', '9'}, c == 'D', true
	case 'w', 'W':
		return []rune{'0', '9', 'A', 'Z', '_', '_', 'a', 'z'}, c == 'W', true
	case 's', 'S':
		return []rune{'\t', '\n', '\f', '\r', ' ', ' '}, c == 'S', true
	}
	return nil, false, false
}

// parseEscape parses a backslash escape at pos (inClass: inside [...]).
func (p *reParser) parseEscape(inClass bool) *reNode {
	if p.pos+1 >= len(p.src) {
		p.fail("trailing backslash at end of expression: ``")
		p.pos = len(p.src)
		return &reNode{op: opAny}
	}
	c := p.src[p.pos+1]
	p.pos += 2
	if ranges, neg, ok := classEscape(c); ok {
		return &reNode{op: opClass, ranges: ranges, negate: neg}
	}
	switch c {
	case 'A':
		if !inClass {
			return &reNode{op: opBegin}
		}
	case 'z':
		if !inClass {
			return &reNode{op: opEnd}
		}
	case 'n':
		return &reNode{op: opLit, r: '\n'}
	case 't':
		return &reNode{op: opLit, r: '\t'}
	}
	if c < utf8.RuneSelf && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
		return &reNode{op: opLit, r: rune(c)}
	}
	p.fail("invalid escape sequence: `\\" + string(c) + "`")
	return &reNode{op: opAny}
}

// parseClass parses [...] at pos.
func (p *reParser) parseClass() *reNode {
	start := p.pos
	p.pos++
	n := &reNode{op: opClass}
	if p.pos < len(p.src) && p.src[p.pos] == '^' {
		n.negate = true
		p.pos++
	}
	first := true
	for p.pos < len(p.src) && (p.src[p.pos] != ']' || first) {
		first = false
		var lo rune
		if p.src[p.pos] == '\\' {
			e := p.parseEscape(true)
			if e.op == opClass {
				if e.negate {
					p.fail("refgo testing: negated class escape inside []: `" + p.src[start:] + "`")
				}
				n.ranges = append(n.ranges, e.ranges...)
				continue
			}
			lo = e.r
		} else {
			r, size := utf8.DecodeRuneInString(p.src[p.pos:])
			lo = r
			p.pos += size
		}
		hi := lo
		if p.pos+1 < len(p.src) && p.src[p.pos] == '-' && p.src[p.pos+1] != ']' {
			p.pos++
			r, size := utf8.DecodeRuneInString(p.src[p.pos:])
			p.pos += size
			hi = r
			if hi < lo {
				p.fail("invalid character class range: `" + string(lo) + "-" + string(hi) + "`")
			}
		}
		n.ranges = append(n.ranges, lo, hi)
	}
	if p.pos >= len(p.src) {
		p.fail("missing closing ]: `" + p.src[start:] + "`")
		return n
	}
	p.pos++
	return n
}

// matchRegexp reports whether re matches anywhere in s.
func matchRegexp(re [][]*reNode, s string) bool {
	for i := 0; i <= len(s); i++ {
		if matchAlts(re, s, i, func(int) bool { return true }) {
			return true
		}
		if i < len(s) {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size - 1
		}
	}
	return false
}

// matchAlts tries each alternative at i, continuing with k on success.
func matchAlts(alts [][]*reNode, s string, i int, k func(int) bool) bool {
	for _, seq := range alts {
		if matchSeq(seq, s, i, k) {
			return true
		}
	}
	return false
}

// matchSeq matches the nodes of seq in order from i, then k.
func matchSeq(seq []*reNode, s string, i int, k func(int) bool) bool {
	if len(seq) == 0 {
		return k(i)
	}
	rest := seq[1:]
	return matchNode(seq[0], s, i, func(j int) bool { return matchSeq(rest, s, j, k) })
}

// matchNode matches one node at i, then k.
func matchNode(n *reNode, s string, i int, k func(int) bool) bool {
	switch n.op {
	case opBegin:
		return i == 0 && k(i)
	case opEnd:
		return i == len(s) && k(i)
	case opGroup:
		return matchAlts(n.alts, s, i, k)
	case opRepeat:
		return matchRepeat(n, s, i, 0, k)
	}
	if i >= len(s) {
		return false
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	ok := false
	switch n.op {
	case opLit:
		ok = r == n.r
	case opAny:
		ok = r != '\n'
	case opClass:
		for j := 0; j+1 < len(n.ranges); j += 2 {
			if n.ranges[j] <= r && r <= n.ranges[j+1] {
				ok = true
				break
			}
		}
		ok = ok != n.negate
	}
	return ok && k(i+size)
}

// matchRepeat matches n.sub repeatedly (count so far) from i, then k.
func matchRepeat(n *reNode, s string, i, count int, k func(int) bool) bool {
	more := func() bool {
		if n.max >= 0 && count >= n.max {
			return false
		}
		return matchNode(n.sub, s, i, func(j int) bool {
			return j != i && matchRepeat(n, s, j, count+1, k)
		})
	}
	if count < n.min {
		return matchNode(n.sub, s, i, func(j int) bool { return matchRepeat(n, s, j, count+1, k) })
	}
	if n.nongreedy {
		return k(i) || more()
	}
	return more() || k(i)
}

// splitPattern splits a -test.run pattern at each '/' outside [] and ().
func splitPattern(s string) []string {
	var parts []string
	depth, inClass, start := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '(':
			if !inClass {
				depth++
			}
		case ')':
			if !inClass {
				depth--
			}
		case '/':
			if depth == 0 && !inClass {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}
