package regexp

import (
	"strings"
	"unicode/utf8"
)

// MatchString reports whether s contains any match of re.
func (re *Regexp) MatchString(s string) bool { return re.exec(s, 0) != nil }

// Match reports whether b contains any match of re.
func (re *Regexp) Match(b []byte) bool { return re.exec(string(b), 0) != nil }

// FindString returns the text of the leftmost match of re in s ("" if none).
func (re *Regexp) FindString(s string) string {
	a := re.exec(s, 0)
	if a == nil {
		return ""
	}
	return s[a[0]:a[1]]
}

// FindStringIndex returns the location of the leftmost match in s, or nil.
func (re *Regexp) FindStringIndex(s string) []int {
	a := re.exec(s, 0)
	if a == nil {
		return nil
	}
	return a[0:2]
}

// FindStringSubmatch returns the text of the leftmost match and of its submatches.
func (re *Regexp) FindStringSubmatch(s string) []string {
	a := re.exec(s, 0)
	if a == nil {
		return nil
	}
	return subStrings(s, a)
}

func subStrings(s string, a []int) []string {
	out := make([]string, len(a)/2)
	for i := range out {
		if a[2*i] >= 0 {
			out[i] = s[a[2*i]:a[2*i+1]]
		}
	}
	return out
}

// FindStringSubmatchIndex returns the index pairs of the leftmost match and its submatches.
func (re *Regexp) FindStringSubmatchIndex(s string) []int { return re.exec(s, 0) }

// Find returns the leftmost match in b, or nil.
func (re *Regexp) Find(b []byte) []byte {
	a := re.exec(string(b), 0)
	if a == nil {
		return nil
	}
	return b[a[0]:a[1]:a[1]]
}

// FindIndex returns the location of the leftmost match in b, or nil.
func (re *Regexp) FindIndex(b []byte) []int { return re.FindStringIndex(string(b)) }

// FindSubmatch returns the leftmost match in b and its submatches (nil for a group
// that did not take part).
func (re *Regexp) FindSubmatch(b []byte) [][]byte {
	a := re.exec(string(b), 0)
	if a == nil {
		return nil
	}
	return subBytes(b, a)
}

func subBytes(b []byte, a []int) [][]byte {
	out := make([][]byte, len(a)/2)
	for i := range out {
		if a[2*i] >= 0 {
			out[i] = b[a[2*i]:a[2*i+1]:a[2*i+1]]
		}
	}
	return out
}

// FindSubmatchIndex returns the index pairs of the leftmost match in b and its submatches.
func (re *Regexp) FindSubmatchIndex(b []byte) []int { return re.exec(string(b), 0) }

// FindAllString returns at most n (all if n < 0) successive matches of re in s.
func (re *Regexp) FindAllString(s string, n int) []string {
	var out []string
	re.all(s, n, func(a []int) { out = append(out, s[a[0]:a[1]]) })
	return out
}

// FindAllStringIndex returns the locations of at most n successive matches in s.
func (re *Regexp) FindAllStringIndex(s string, n int) [][]int {
	var out [][]int
	re.all(s, n, func(a []int) { out = append(out, a[0:2]) })
	return out
}

// FindAllStringSubmatch returns at most n successive matches in s with their submatches.
func (re *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	var out [][]string
	re.all(s, n, func(a []int) { out = append(out, subStrings(s, a)) })
	return out
}

// FindAllStringSubmatchIndex returns the index pairs of at most n successive matches.
func (re *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	var out [][]int
	re.all(s, n, func(a []int) { out = append(out, a) })
	return out
}

// FindAll returns at most n successive matches of re in b.
func (re *Regexp) FindAll(b []byte, n int) [][]byte {
	var out [][]byte
	re.all(string(b), n, func(a []int) { out = append(out, b[a[0]:a[1]:a[1]]) })
	return out
}

// FindAllIndex returns the locations of at most n successive matches in b.
func (re *Regexp) FindAllIndex(b []byte, n int) [][]int {
	return re.FindAllStringIndex(string(b), n)
}

// FindAllSubmatch returns at most n successive matches in b with their submatches.
func (re *Regexp) FindAllSubmatch(b []byte, n int) [][][]byte {
	var out [][][]byte
	re.all(string(b), n, func(a []int) { out = append(out, subBytes(b, a)) })
	return out
}

// replace returns src with each match replaced by what repl appends for it (Go's
// replaceAll: no replacement for an empty match right after a previous match).
func (re *Regexp) replace(src string, repl func(dst []byte, a []int) []byte) []byte {
	var buf []byte
	lastEnd, pos := 0, 0
	for pos <= len(src) {
		a := re.exec(src, pos)
		if a == nil {
			break
		}
		buf = append(buf, src[lastEnd:a[0]]...)
		if a[1] > lastEnd || a[0] == 0 {
			buf = repl(buf, a)
		}
		lastEnd = a[1]
		w := 0
		if pos < len(src) {
			_, w = utf8.DecodeRuneInString(src[pos:])
		}
		if pos+w > a[1] {
			pos += w
		} else if pos+1 > a[1] {
			pos++
		} else {
			pos = a[1]
		}
	}
	return append(buf, src[lastEnd:]...)
}

// ReplaceAllString replaces the matches of re in src with repl, expanding $1, ${name}.
func (re *Regexp) ReplaceAllString(src, repl string) string {
	return string(re.replace(src, func(dst []byte, a []int) []byte {
		return re.expand(dst, repl, src, a)
	}))
}

// ReplaceAllLiteralString replaces the matches of re in src with repl as it is.
func (re *Regexp) ReplaceAllLiteralString(src, repl string) string {
	return string(re.replace(src, func(dst []byte, a []int) []byte {
		return append(dst, repl...)
	}))
}

// ReplaceAllStringFunc replaces each match of re in src with repl's result for it.
func (re *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return string(re.replace(src, func(dst []byte, a []int) []byte {
		return append(dst, repl(src[a[0]:a[1]])...)
	}))
}

// ReplaceAll replaces the matches of re in src with repl, expanding $1, ${name}.
func (re *Regexp) ReplaceAll(src, repl []byte) []byte {
	s := string(src)
	return re.replace(s, func(dst []byte, a []int) []byte {
		return re.expand(dst, string(repl), s, a)
	})
}

// ReplaceAllLiteral replaces the matches of re in src with repl as it is.
func (re *Regexp) ReplaceAllLiteral(src, repl []byte) []byte {
	return re.replace(string(src), func(dst []byte, a []int) []byte {
		return append(dst, repl...)
	})
}

// ReplaceAllFunc replaces each match of re in src with repl's result for it.
func (re *Regexp) ReplaceAllFunc(src []byte, repl func([]byte) []byte) []byte {
	return re.replace(string(src), func(dst []byte, a []int) []byte {
		return append(dst, repl(src[a[0]:a[1]])...)
	})
}

// ExpandString appends template to dst with $n and ${name} replaced from match.
func (re *Regexp) ExpandString(dst []byte, template string, src string, match []int) []byte {
	return re.expand(dst, template, src, match)
}

// expand appends template to dst: $$ is $, $name or ${name} the group named name or
// numbered name ("" for none; $1x is the group named "1x").
func (re *Regexp) expand(dst []byte, template string, src string, a []int) []byte {
	for {
		i := strings.IndexByte(template, '$')
		if i < 0 {
			break
		}
		dst = append(dst, template[:i]...)
		template = template[i+1:]
		if template != "" && template[0] == '$' {
			dst = append(dst, '$')
			template = template[1:]
			continue
		}
		name, rest, ok := extractName(template)
		if !ok {
			dst = append(dst, '$')
			continue
		}
		template = rest
		idx := -1
		if n, isNum := atoi(name); isNum {
			idx = n
		} else {
			idx = re.SubexpIndex(name)
		}
		if idx >= 0 && 2*idx+1 < len(a) && a[2*idx] >= 0 {
			dst = append(dst, src[a[2*idx]:a[2*idx+1]]...)
		}
	}
	return append(dst, template...)
}

func extractName(s string) (name, rest string, ok bool) {
	if s == "" {
		return "", "", false
	}
	brace := false
	if s[0] == '{' {
		brace = true
		s = s[1:]
	}
	i := 0
	for i < len(s) && (s[i] == '_' || isAlnum(s[i])) {
		i++
	}
	if i == 0 {
		return "", "", false
	}
	name = s[:i]
	if brace {
		if i >= len(s) || s[i] != '}' {
			return "", "", false
		}
		i++
	}
	return name, s[i:], true
}

func atoi(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || n >= 1e8 {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// Split slices s into the substrings between the matches of re (at most n if n > 0).
func (re *Regexp) Split(s string, n int) []string {
	if n == 0 {
		return nil
	}
	if len(re.expr) > 0 && len(s) == 0 {
		return []string{""}
	}
	var out []string
	beg, end := 0, 0
	for _, m := range re.FindAllStringIndex(s, n) {
		if n > 0 && len(out) == n-1 {
			break
		}
		end = m[0]
		if m[1] != 0 {
			out = append(out, s[beg:end])
		}
		beg = m[1]
	}
	if end != len(s) {
		out = append(out, s[beg:])
	}
	return out
}
