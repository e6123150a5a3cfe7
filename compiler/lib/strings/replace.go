package strings

import "io"

// Replacer replaces a list of strings with replacements; it is safe to reuse.
type Replacer struct {
	oldnew []string
}

// NewReplacer returns a Replacer for the old, new pairs. At each position of
// the input the first pair in argument order whose old string matches is
// applied; matches do not overlap; an empty old string matches between bytes
// (never twice in a row at one position). It panics on an odd argument count.
func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &Replacer{append([]string(nil), oldnew...)}
}

// lookup returns the replacement of the first pair whose old string is a
// prefix of s (skipping the empty old string if ignoreEmpty).
func (r *Replacer) lookup(s string, ignoreEmpty bool) (val string, keylen int, ok bool) {
	for i := 0; i < len(r.oldnew); i += 2 {
		old := r.oldnew[i]
		if old == "" && ignoreEmpty {
			continue
		}
		if HasPrefix(s, old) {
			return r.oldnew[i+1], len(old), true
		}
	}
	return "", 0, false
}

// Replace returns s with all replacements performed.
func (r *Replacer) Replace(s string) string {
	var b Builder
	last := 0
	prevEmpty := false
	for i := 0; i <= len(s); {
		val, keylen, ok := r.lookup(s[i:], prevEmpty)
		prevEmpty = ok && keylen == 0
		if ok {
			b.WriteString(s[last:i])
			b.WriteString(val)
			i += keylen
			last = i
			continue
		}
		i++
	}
	if last == 0 && b.Len() == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// WriteString writes s with all replacements performed to w.
func (r *Replacer) WriteString(w io.Writer, s string) (n int, err error) {
	return io.WriteString(w, r.Replace(s))
}
