// Package bytes implements functions for byte slices, mirroring package strings,
// and Buffer, a growable byte buffer.
//
//	var b bytes.Buffer
//	b.WriteString("hello ")
//	fmt.Fprintf(&b, "%d", 42)
//	b.String()                            // "hello 42"
//	bytes.Split([]byte("a,b"), []byte(",")) // subslices of the input
//
// Searching delegates to package strings; functions that return parts of their
// input (Split, Fields, Trim, Cut, ...) return subslices of it, as gc's do.
package bytes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Equal reports whether a and b hold the same bytes; nil equals empty.
func Equal(a, b []byte) bool { return string(a) == string(b) }

// Compare returns -1, 0 or +1 as a is less than, equal to or greater than b.
func Compare(a, b []byte) int { return strings.Compare(string(a), string(b)) }

// Index returns the index of the first instance of sep in s, or -1.
func Index(s, sep []byte) int { return strings.Index(string(s), string(sep)) }

// LastIndex returns the index of the last instance of sep in s, or -1.
func LastIndex(s, sep []byte) int { return strings.LastIndex(string(s), string(sep)) }

// IndexByte returns the index of the first c in s, or -1.
func IndexByte(s []byte, c byte) int {
	for i, b := range s {
		if b == c {
			return i
		}
	}
	return -1
}

// LastIndexByte returns the index of the last c in s, or -1.
func LastIndexByte(s []byte, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// IndexRune returns the byte index of the first r in s, or -1.
func IndexRune(s []byte, r rune) int { return strings.IndexRune(string(s), r) }

// IndexAny returns the index of the first rune of s in chars, or -1.
func IndexAny(s []byte, chars string) int { return strings.IndexAny(string(s), chars) }

// LastIndexAny returns the index of the last rune of s in chars, or -1.
func LastIndexAny(s []byte, chars string) int { return strings.LastIndexAny(string(s), chars) }

// IndexFunc returns the index of the first rune satisfying f, or -1.
func IndexFunc(s []byte, f func(rune) bool) int { return strings.IndexFunc(string(s), f) }

// Contains reports whether subslice is within b.
func Contains(b, subslice []byte) bool { return Index(b, subslice) >= 0 }

// ContainsAny reports whether any rune of chars is within b.
func ContainsAny(b []byte, chars string) bool { return IndexAny(b, chars) >= 0 }

// ContainsRune reports whether r is within b.
func ContainsRune(b []byte, r rune) bool { return IndexRune(b, r) >= 0 }

// Count returns the number of non-overlapping instances of sep in s.
func Count(s, sep []byte) int { return strings.Count(string(s), string(sep)) }

// HasPrefix reports whether s begins with prefix.
func HasPrefix(s, prefix []byte) bool {
	return len(s) >= len(prefix) && Equal(s[:len(prefix)], prefix)
}

// HasSuffix reports whether s ends with suffix.
func HasSuffix(s, suffix []byte) bool {
	return len(s) >= len(suffix) && Equal(s[len(s)-len(suffix):], suffix)
}

// EqualFold reports whether s and t are equal under simple case folding.
func EqualFold(s, t []byte) bool { return strings.EqualFold(string(s), string(t)) }

// genSplit cuts s after each sep (keeping sepSave bytes of it) into at most n
// subslices of s, each with its capacity clipped to its length.
func genSplit(s, sep []byte, sepSave, n int) [][]byte {
	if n == 0 {
		return nil
	}
	if len(sep) == 0 {
		return explode(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}
	if n > len(s)+1 {
		n = len(s) + 1
	}
	a := make([][]byte, n)
	n--
	i := 0
	for i < n {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		a[i] = s[: m+sepSave : m+sepSave]
		s = s[m+len(sep):]
		i++
	}
	a[i] = s
	return a[:i+1]
}

// explode splits s into UTF-8 sequences, at most n of them.
func explode(s []byte, n int) [][]byte {
	if n <= 0 || n > len(s) {
		n = len(s)
	}
	a := make([][]byte, n)
	var size int
	na := 0
	for len(s) > 0 {
		if na+1 >= n {
			a[na] = s
			na++
			break
		}
		_, size = utf8.DecodeRune(s)
		a[na] = s[0:size:size]
		s = s[size:]
		na++
	}
	return a[0:na]
}

// Split slices s into all subslices separated by sep.
func Split(s, sep []byte) [][]byte { return genSplit(s, sep, 0, -1) }

// SplitN slices s into at most n subslices separated by sep (n < 0: all).
func SplitN(s, sep []byte, n int) [][]byte { return genSplit(s, sep, 0, n) }

// SplitAfter is Split keeping each sep at the end of its piece.
func SplitAfter(s, sep []byte) [][]byte { return genSplit(s, sep, len(sep), -1) }

// Fields splits s around runs of white space.
func Fields(s []byte) [][]byte { return FieldsFunc(s, isSpace) }

// FieldsFunc splits s around runs of runes satisfying f.
func FieldsFunc(s []byte, f func(rune) bool) [][]byte {
	var a [][]byte
	start := -1
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRune(s[i:])
		if f(r) {
			if start >= 0 {
				a = append(a, s[start:i:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += w
	}
	if start >= 0 {
		a = append(a, s[start:len(s):len(s)])
	}
	return a
}

// isSpace reports whether r is white space (unicode.IsSpace).
func isSpace(r rune) bool { return unicode.IsSpace(r) }

// Join concatenates s with sep between the elements into a new slice.
func Join(s [][]byte, sep []byte) []byte {
	if len(s) == 0 {
		return []byte{}
	}
	var b []byte
	for i, p := range s {
		if i > 0 {
			b = append(b, sep...)
		}
		b = append(b, p...)
	}
	if b == nil {
		b = []byte{}
	}
	return b
}

// Repeat returns a new slice of count copies of b.
func Repeat(b []byte, count int) []byte {
	return []byte(strings.Repeat(string(b), count))
}

// Replace returns a copy of s with the first n instances of old replaced by new.
func Replace(s, old, new []byte, n int) []byte {
	return []byte(strings.Replace(string(s), string(old), string(new), n))
}

// ReplaceAll is Replace(s, old, new, -1).
func ReplaceAll(s, old, new []byte) []byte { return Replace(s, old, new, -1) }

// ToUpper returns a copy of s with every letter upper-cased.
func ToUpper(s []byte) []byte { return []byte(strings.ToUpper(string(s))) }

// ToLower returns a copy of s with every letter lower-cased.
func ToLower(s []byte) []byte { return []byte(strings.ToLower(string(s))) }

// ToTitle returns a copy of s with every letter mapped to title case.
func ToTitle(s []byte) []byte { return []byte(strings.ToTitle(string(s))) }

// Map returns a copy of s with each rune mapped (negative results dropped).
func Map(mapping func(r rune) rune, s []byte) []byte {
	return []byte(strings.Map(mapping, string(s)))
}

// Runes returns the runes of s.
func Runes(s []byte) []rune { return []rune(string(s)) }

// TrimLeftFunc returns the subslice of s without leading runes satisfying f.
func TrimLeftFunc(s []byte, f func(rune) bool) []byte {
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRune(s[i:])
		if !f(r) {
			return s[i:]
		}
		i += w
	}
	return nil
}

// TrimRightFunc returns the subslice of s without trailing runes satisfying f.
func TrimRightFunc(s []byte, f func(rune) bool) []byte {
	i := len(s)
	for i > 0 {
		r, w := utf8.DecodeLastRune(s[:i])
		if !f(r) {
			return s[:i]
		}
		i -= w
	}
	return s[:0]
}

// TrimFunc trims both ends.
func TrimFunc(s []byte, f func(rune) bool) []byte {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

// Trim trims leading and trailing runes contained in cutset.
func Trim(s []byte, cutset string) []byte {
	return TrimFunc(s, func(r rune) bool { return strings.ContainsRune(cutset, r) })
}

// TrimLeft trims leading runes contained in cutset.
func TrimLeft(s []byte, cutset string) []byte {
	return TrimLeftFunc(s, func(r rune) bool { return strings.ContainsRune(cutset, r) })
}

// TrimRight trims trailing runes contained in cutset.
func TrimRight(s []byte, cutset string) []byte {
	return TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune(cutset, r) })
}

// TrimSpace trims leading and trailing white space.
func TrimSpace(s []byte) []byte { return TrimFunc(s, isSpace) }

// TrimPrefix returns s without the leading prefix, if present.
func TrimPrefix(s, prefix []byte) []byte {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix returns s without the trailing suffix, if present.
func TrimSuffix(s, suffix []byte) []byte {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// Cut slices s around the first instance of sep.
func Cut(s, sep []byte) (before, after []byte, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, nil, false
}
