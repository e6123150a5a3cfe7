package regexp

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Regexp is a compiled regular expression, safe for concurrent use.
type Regexp struct {
	expr  string
	tree  *node
	ncap  int
	names []string
}

// Compile parses a regular expression.
func Compile(expr string) (*Regexp, error) {
	tree, ncap, names, err := parse(expr)
	if err != nil {
		return nil, err
	}
	return &Regexp{expr: expr, tree: tree, ncap: ncap, names: names}, nil
}

// CompilePOSIX is Compile (refgo has no leftmost-longest matching).
func CompilePOSIX(expr string) (*Regexp, error) { return Compile(expr) }

// MustCompile is Compile, panicking if the expression cannot be parsed.
func MustCompile(str string) *Regexp {
	re, err := Compile(str)
	if err != nil {
		panic(`regexp: Compile(` + quote(str) + `): ` + err.Error())
	}
	return re
}

func quote(s string) string {
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}

// MatchString reports whether the string s contains any match of pattern.
func MatchString(pattern string, s string) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.MatchString(s), nil
}

// Match reports whether the byte slice b contains any match of pattern.
func Match(pattern string, b []byte) (matched bool, err error) {
	return MatchString(pattern, string(b))
}

// QuoteMeta escapes every regular expression metacharacter of s.
func QuoteMeta(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(`\.+*?()|[]{}^$`, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func (re *Regexp) String() string        { return re.expr }
func (re *Regexp) NumSubexp() int        { return re.ncap }
func (re *Regexp) SubexpNames() []string { return re.names }

// SubexpIndex returns the index of the first group named name, or -1.
func (re *Regexp) SubexpIndex(name string) int {
	if name != "" {
		for i, s := range re.names {
			if s == name {
				return i
			}
		}
	}
	return -1
}

// machine is one search of s.
type machine struct {
	s    string
	caps []int
}

func isWordByte(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i]
	return c == '_' || isAlnum(c)
}

func foldEq(a, b rune) bool {
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

// match matches n at i, then k at where n ended; it backtracks into n while k fails.
func (m *machine) match(n *node, i int, k func(int) bool) bool {
	switch n.op {
	case opEmpty:
		return k(i)
	case opLit:
		if i >= len(m.s) {
			return false
		}
		r, w := utf8.DecodeRuneInString(m.s[i:])
		if r == n.r || n.fold && foldEq(r, n.r) {
			return k(i + w)
		}
		return false
	case opAnyNotNL, opAny, opClass:
		if i >= len(m.s) {
			return false
		}
		r, w := utf8.DecodeRuneInString(m.s[i:])
		if n.op == opAnyNotNL && r == '\n' || n.op == opClass && !n.inClass(r) {
			return false
		}
		return k(i + w)
	case opBOL:
		return (i == 0 || m.s[i-1] == '\n') && k(i)
	case opEOL:
		return (i == len(m.s) || m.s[i] == '\n') && k(i)
	case opBOT:
		return i == 0 && k(i)
	case opEOT:
		return i == len(m.s) && k(i)
	case opWordB, opNoWordB:
		b := isWordByte(m.s, i-1) != isWordByte(m.s, i)
		return b == (n.op == opWordB) && k(i)
	case opCap:
		c := 2 * n.cap
		old0, old1 := m.caps[c], m.caps[c+1]
		m.caps[c] = i
		if m.match(n.subs[0], i, func(j int) bool {
			prev := m.caps[c+1]
			m.caps[c+1] = j
			if k(j) {
				return true
			}
			m.caps[c+1] = prev
			return false
		}) {
			return true
		}
		m.caps[c], m.caps[c+1] = old0, old1
		return false
	case opConcat:
		return m.seq(n.subs, i, k)
	case opAlt:
		for _, sub := range n.subs {
			if m.match(sub, i, k) {
				return true
			}
		}
		return false
	case opRepeat:
		return m.rep(n, 0, i, k)
	}
	panic("regexp: bad node")
}

func (m *machine) seq(subs []*node, i int, k func(int) bool) bool {
	if len(subs) == 0 {
		return k(i)
	}
	return m.match(subs[0], i, func(j int) bool { return m.seq(subs[1:], j, k) })
}

// rep matches n's operand after count matches of it ended at i. Past its minimum
// count, an iteration may match empty only as the first one (Go compiles x* as (x+)?
// when x can match empty, so `(a*)*` on "" captures the empty string).
func (m *machine) rep(n *node, count, i int, k func(int) bool) bool {
	if n.max >= 0 && count >= n.max {
		return k(i)
	}
	more := func() bool {
		return m.match(n.subs[0], i, func(j int) bool {
			if j == i && count >= n.min && count >= 1 {
				return false
			}
			return m.rep(n, count+1, j, k)
		})
	}
	if count < n.min {
		return more()
	}
	if n.greedy {
		return more() || k(i)
	}
	return k(i) || more()
}

// exec returns the submatch indexes of the leftmost-first match at or after pos, or nil.
func (re *Regexp) exec(s string, pos int) []int {
	m := &machine{s: s, caps: make([]int, 2*re.ncap+2)}
	for start := pos; start <= len(s); {
		for i := range m.caps {
			m.caps[i] = -1
		}
		end := -1
		if m.match(re.tree, start, func(j int) bool { end = j; return true }) {
			m.caps[0], m.caps[1] = start, end
			return m.caps
		}
		if start == len(s) {
			break
		}
		_, w := utf8.DecodeRuneInString(s[start:])
		start += w
	}
	return nil
}

// all calls deliver with each successive match of s (at most n if n >= 0), as Go's
// allMatches: no empty match right after a previous match.
func (re *Regexp) all(s string, n int, deliver func([]int)) {
	if n < 0 {
		n = len(s) + 1
	}
	prevEnd := -1
	for pos, i := 0, 0; i < n && pos <= len(s); {
		a := re.exec(s, pos)
		if a == nil {
			break
		}
		accept := true
		if a[1] == pos {
			if a[0] == prevEnd {
				accept = false
			}
			if pos < len(s) {
				_, w := utf8.DecodeRuneInString(s[pos:])
				pos += w
			} else {
				pos = len(s) + 1
			}
		} else {
			pos = a[1]
		}
		prevEnd = a[1]
		if accept {
			deliver(a)
			i++
		}
	}
}
