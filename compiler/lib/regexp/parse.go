// Package regexp implements RE2 syntax regular expressions with Go's leftmost-first
// semantics, by backtracking over a parsed tree (refgo runs tests' patterns, not
// untrusted ones: a pathological pattern can take exponential time here).
package regexp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// An ErrorCode describes a failure to parse a regular expression.
type ErrorCode string

const (
	ErrInternalError         ErrorCode = "regexp/syntax: internal error"
	ErrInvalidCharClass      ErrorCode = "invalid character class"
	ErrInvalidCharRange      ErrorCode = "invalid character class range"
	ErrInvalidEscape         ErrorCode = "invalid escape sequence"
	ErrInvalidNamedCapture   ErrorCode = "invalid named capture"
	ErrInvalidPerlOp         ErrorCode = "invalid or unsupported Perl syntax"
	ErrInvalidRepeatOp       ErrorCode = "invalid nested repetition operator"
	ErrInvalidRepeatSize     ErrorCode = "invalid repeat count"
	ErrInvalidUTF8           ErrorCode = "invalid UTF-8"
	ErrMissingBracket        ErrorCode = "missing closing ]"
	ErrMissingParen          ErrorCode = "missing closing )"
	ErrMissingRepeatArgument ErrorCode = "missing argument to repetition operator"
	ErrTrailingBackslash     ErrorCode = "trailing backslash at end of expression"
	ErrUnexpectedParen       ErrorCode = "unexpected )"
)

func (e ErrorCode) String() string { return string(e) }

// An Error describes a failure to parse a regular expression and gives the offending
// expression.
type Error struct {
	Code ErrorCode
	Expr string
}

func (e *Error) Error() string {
	return "error parsing regexp: " + e.Code.String() + ": `" + e.Expr + "`"
}

// Node operators.
const (
	opEmpty    = iota
	opLit      // r (fold: any case)
	opAnyNotNL // .
	opAny      // . under (?s)
	opClass    // ranges (lo, hi pairs), negated
	opBOL      // ^ under (?m)
	opEOL      // $ under (?m)
	opBOT      // \A, ^
	opEOT      // \z, $
	opWordB    // \b
	opNoWordB  // \B
	opCap      // ( sub )
	opConcat
	opAlt
	opRepeat // sub{min,max}; max -1 is unbounded
)

type node struct {
	op       int
	r        rune
	fold     bool
	ranges   []rune
	negated  bool
	cap      int
	min, max int
	greedy   bool
	subs     []*node
}

const (
	flagI = 1 << iota
	flagM
	flagS
	flagU
)

type parser struct {
	expr  string
	s     string
	flags int
	ncap  int
	names []string
}

func (p *parser) err(code ErrorCode, expr string) error {
	return &Error{code, expr}
}

// parse returns the tree of expr, its capture count and the names of its groups.
func parse(expr string) (*node, int, []string, error) {
	if !utf8.ValidString(expr) {
		return nil, 0, nil, &Error{ErrInvalidUTF8, expr}
	}
	p := &parser{expr: expr, s: expr, names: []string{""}}
	n, err := p.alt()
	if err != nil {
		return nil, 0, nil, err
	}
	if p.s != "" {
		return nil, 0, nil, p.err(ErrUnexpectedParen, expr)
	}
	return n, p.ncap, p.names, nil
}

// alt parses alternatives up to a `)` or the end.
func (p *parser) alt() (*node, error) {
	var alts []*node
	for {
		c, err := p.concat()
		if err != nil {
			return nil, err
		}
		alts = append(alts, c)
		if p.s == "" || p.s[0] != '|' {
			break
		}
		p.s = p.s[1:]
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return &node{op: opAlt, subs: alts}, nil
}

func (p *parser) concat() (*node, error) {
	var seq []*node
	for p.s != "" && p.s[0] != '|' && p.s[0] != ')' {
		start := p.s
		atom, err := p.atom()
		if err != nil {
			return nil, err
		}
		if atom == nil { // a flag group `(?i)`
			continue
		}
		atom, err = p.repeat(atom, start)
		if err != nil {
			return nil, err
		}
		seq = append(seq, atom)
	}
	switch len(seq) {
	case 0:
		return &node{op: opEmpty}, nil
	case 1:
		return seq[0], nil
	}
	return &node{op: opConcat, subs: seq}, nil
}

// repeat applies the repetition operators that follow atom (start is the text at it).
func (p *parser) repeat(atom *node, start string) (*node, error) {
	lastOp := ""
	for p.s != "" {
		min, max := -1, -1
		rest := p.s
		switch p.s[0] {
		case '*':
			min, max, rest = 0, -1, p.s[1:]
		case '+':
			min, max, rest = 1, -1, p.s[1:]
		case '?':
			min, max, rest = 0, 1, p.s[1:]
		case '{':
			lo, hi, r, ok := parseRepeat(p.s)
			if !ok {
				return atom, nil // a literal {
			}
			if lo > 1000 || hi > 1000 || hi >= 0 && lo > hi {
				return nil, p.err(ErrInvalidRepeatSize, p.s[:len(p.s)-len(r)])
			}
			min, max, rest = lo, hi, r
		default:
			return atom, nil
		}
		if lastOp != "" {
			return nil, p.err(ErrInvalidRepeatOp, lastOp[:len(lastOp)-len(rest)])
		}
		greedy := true
		if rest != "" && rest[0] == '?' {
			greedy = false
			rest = rest[1:]
		}
		if p.flags&flagU != 0 {
			greedy = !greedy
		}
		if atom.op == opEmpty && len(start) == len(p.s) {
			return nil, p.err(ErrMissingRepeatArgument, p.s[:len(p.s)-len(rest)])
		}
		lastOp = p.s
		p.s = rest
		atom = &node{op: opRepeat, min: min, max: max, greedy: greedy, subs: []*node{atom}}
	}
	return atom, nil
}

// parseRepeat reads {n}, {n,} or {n,m} at the start of s.
func parseRepeat(s string) (int, int, string, bool) {
	i := 1
	num := func() (int, bool) {
		j := i
		v := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if v < 100000 {
				v = v*10 + int(s[i]-'0')
			}
			i++
		}
		return v, i > j
	}
	lo, ok := num()
	if !ok {
		return 0, 0, s, false
	}
	hi := lo
	if i < len(s) && s[i] == ',' {
		i++
		if i < len(s) && s[i] == '}' {
			hi = -1
		} else if hi, ok = num(); !ok {
			return 0, 0, s, false
		}
	}
	if i >= len(s) || s[i] != '}' {
		return 0, 0, s, false
	}
	return lo, hi, s[i+1:], true
}

func (p *parser) lit(r rune) *node {
	fold := p.flags&flagI != 0 && unicode.SimpleFold(r) != r
	return &node{op: opLit, r: r, fold: fold}
}

// atom parses one atom; nil (no error) for a group that only sets flags.
func (p *parser) atom() (*node, error) {
	c := p.s[0]
	switch c {
	case '(':
		return p.group()
	case '[':
		return p.class()
	case '.':
		p.s = p.s[1:]
		if p.flags&flagS != 0 {
			return &node{op: opAny}, nil
		}
		return &node{op: opAnyNotNL}, nil
	case '^':
		p.s = p.s[1:]
		if p.flags&flagM != 0 {
			return &node{op: opBOL}, nil
		}
		return &node{op: opBOT}, nil
	case '$':
		p.s = p.s[1:]
		if p.flags&flagM != 0 {
			return &node{op: opEOL}, nil
		}
		return &node{op: opEOT}, nil
	case '*', '+', '?':
		return nil, p.err(ErrMissingRepeatArgument, p.s[:1])
	case '\\':
		return p.escape()
	}
	r, w := utf8.DecodeRuneInString(p.s)
	p.s = p.s[w:]
	return p.lit(r), nil
}

func (p *parser) group() (*node, error) {
	whole := p.s
	p.s = p.s[1:]
	name := ""
	capture := true
	saved := p.flags
	if strings.HasPrefix(p.s, "?P<") {
		end := strings.IndexByte(p.s, '>')
		if end < 0 {
			return nil, p.err(ErrInvalidNamedCapture, whole)
		}
		name = p.s[3:end]
		if !isName(name) {
			return nil, p.err(ErrInvalidNamedCapture, whole[:end+2])
		}
		p.s = p.s[end+1:]
	} else if strings.HasPrefix(p.s, "?") {
		// Flags: (?flags) or (?flags:re).
		i := 1
		on := true
		flags := p.flags
		for {
			if i >= len(p.s) {
				return nil, p.err(ErrMissingParen, whole)
			}
			switch p.s[i] {
			case 'i', 'm', 's', 'U':
				f := map[byte]int{'i': flagI, 'm': flagM, 's': flagS, 'U': flagU}[p.s[i]]
				if on {
					flags |= f
				} else {
					flags &^= f
				}
				i++
				continue
			case '-':
				if !on {
					return nil, p.err(ErrInvalidPerlOp, whole[:i+2])
				}
				on = false
				i++
				continue
			case ')':
				p.flags = flags
				p.s = p.s[i+1:]
				return nil, nil
			case ':':
				p.flags = flags
				p.s = p.s[i+1:]
				capture = false
			default:
				return nil, p.err(ErrInvalidPerlOp, whole[:i+2])
			}
			break
		}
	}
	idx := 0
	if capture {
		p.ncap++
		idx = p.ncap
		p.names = append(p.names, name)
	}
	sub, err := p.alt()
	if err != nil {
		return nil, err
	}
	if p.s == "" || p.s[0] != ')' {
		return nil, p.err(ErrMissingParen, p.expr)
	}
	p.s = p.s[1:]
	p.flags = saved
	if !capture {
		return sub, nil
	}
	return &node{op: opCap, cap: idx, subs: []*node{sub}}, nil
}

func isName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c != '_' && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}
