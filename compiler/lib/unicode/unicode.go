// Package unicode tests and maps runes by Unicode property.
//
//	unicode.IsLetter('é'), unicode.IsDigit('٣'), unicode.IsSpace('\u00a0')  // true
//	unicode.ToUpper('ß') == 'ß', unicode.ToUpper('ǆ') == 'Ǆ', unicode.ToTitle('ǆ') == 'ǅ'
//	unicode.SimpleFold('K') == 'k', unicode.SimpleFold('k') == '\u212a'
//
// The properties are gc's (the same Unicode version); range tables (RangeTable,
// Is, In, the script tables) are not provided. The data lives in tables.go as
// strings of uvarints, decoded on first use:
//
//	property: (gap, length-1) per inclusive range, gap = lo - previous hi - 1
//	caseData: (gap, length-1, kind, zigzag dUpper, dLower, dTitle) per run; kind 1 =
//	          alternating upper/lower pairs from lo (deltas unused)
//	foldData: (gap, length-1, kind, zigzag delta) per run of SimpleFold(r)-r; kind 1
//	          = alternating +1/-1 from lo
package unicode

const (
	MaxRune         = '\U0010FFFF'
	ReplacementChar = '\uFFFD'
	MaxASCII        = '\u007F'
	MaxLatin1       = '\u00FF'
)

// Case indices for To.
const (
	UpperCase = iota
	LowerCase
	TitleCase
	MaxCase
)

// reader decodes uvarints from a packed table string.
type reader struct {
	s string
	i int
}

func (r *reader) next() uint32 {
	var x uint32
	var shift uint
	for {
		b := r.s[r.i]
		r.i++
		x |= uint32(b&0x7F) << shift
		if b < 0x80 {
			return x
		}
		shift += 7
	}
}

func (r *reader) nextInt() int32 {
	u := r.next()
	if u&1 != 0 {
		return ^int32(u >> 1)
	}
	return int32(u >> 1)
}

// table is a decoded property: sorted inclusive [lo, hi] pairs.
type table struct {
	data    string
	ranges  []uint32
	decoded bool
}

// has reports whether r is in the table, decoding it on first use.
func (t *table) has(r rune) bool {
	if !t.decoded {
		rd := &reader{s: t.data}
		prev := int64(-1)
		for rd.i < len(rd.s) {
			lo := prev + 1 + int64(rd.next())
			hi := lo + int64(rd.next())
			t.ranges = append(t.ranges, uint32(lo), uint32(hi))
			prev = hi
		}
		t.decoded = true
	}
	if r < 0 {
		return false
	}
	u := uint32(r)
	lo, hi := 0, len(t.ranges)/2
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.ranges[2*m+1] < u {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(t.ranges)/2 && t.ranges[2*lo] <= u
}

var (
	letters   = &table{data: letterData}
	uppers    = &table{data: upperData}
	lowers    = &table{data: lowerData}
	titles    = &table{data: titleData}
	marks     = &table{data: markData}
	numbers   = &table{data: numberData}
	digits    = &table{data: digitData}
	puncts    = &table{data: punctData}
	symbols   = &table{data: symbolData}
	spaceSeps = &table{data: spaceSepData}
	whites    = &table{data: whiteData}
	controls  = &table{data: controlData}
)

// IsLetter reports whether r is a letter (category L).
func IsLetter(r rune) bool {
	if r <= MaxASCII {
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	}
	return letters.has(r)
}

// IsUpper reports whether r is an upper-case letter (Lu).
func IsUpper(r rune) bool {
	if r <= MaxASCII {
		return 'A' <= r && r <= 'Z'
	}
	return uppers.has(r)
}

// IsLower reports whether r is a lower-case letter (Ll).
func IsLower(r rune) bool {
	if r <= MaxASCII {
		return 'a' <= r && r <= 'z'
	}
	return lowers.has(r)
}

// IsTitle reports whether r is a title-case letter (Lt).
func IsTitle(r rune) bool { return titles.has(r) }

// IsMark reports whether r is a mark (M).
func IsMark(r rune) bool { return marks.has(r) }

// IsNumber reports whether r is a number (N).
func IsNumber(r rune) bool { return numbers.has(r) }

// IsDigit reports whether r is a decimal digit (Nd).
func IsDigit(r rune) bool {
	if r <= MaxASCII {
		return '0' <= r && r <= '9'
	}
	return digits.has(r)
}

// IsPunct reports whether r is punctuation (P).
func IsPunct(r rune) bool { return puncts.has(r) }

// IsSymbol reports whether r is a symbol (S).
func IsSymbol(r rune) bool { return symbols.has(r) }

// IsSpace reports whether r is white space: '\t', '\n', '\v', '\f', '\r', ' ',
// U+0085, U+00A0 and the other White_Space runes.
func IsSpace(r rune) bool { return whites.has(r) }

// IsControl reports whether r is a control character (C0, DEL and C1).
func IsControl(r rune) bool { return controls.has(r) }

// IsPrint reports whether r is a letter, mark, number, punctuation, symbol or
// the ASCII space.
func IsPrint(r rune) bool {
	return r == ' ' || IsLetter(r) || IsMark(r) || IsNumber(r) || IsPunct(r) || IsSymbol(r)
}

// IsGraphic is IsPrint with every space separator (Zs) allowed.
func IsGraphic(r rune) bool { return IsPrint(r) || spaceSeps.has(r) }

// caseRun is one decoded case-mapping run.
type caseRun struct {
	lo, hi rune
	alt    bool
	d      [MaxCase]rune
}

var caseRuns []caseRun

// findCase returns the run containing r, or nil.
func findCase(r rune) *caseRun {
	if caseRuns == nil {
		rd := &reader{s: caseData}
		prev := int64(-1)
		for rd.i < len(rd.s) {
			lo := prev + 1 + int64(rd.next())
			hi := lo + int64(rd.next())
			alt := rd.next() == 1
			var d [MaxCase]rune
			for i := 0; i < MaxCase; i++ {
				d[i] = rune(rd.nextInt())
			}
			caseRuns = append(caseRuns, caseRun{rune(lo), rune(hi), alt, d})
			prev = hi
		}
	}
	lo, hi := 0, len(caseRuns)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if caseRuns[m].hi < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(caseRuns) && caseRuns[lo].lo <= r {
		return &caseRuns[lo]
	}
	return nil
}

// To maps r to the given case (UpperCase, LowerCase or TitleCase).
func To(c int, r rune) rune {
	if c < 0 || c >= MaxCase {
		return ReplacementChar
	}
	run := findCase(r)
	if run == nil {
		return r
	}
	if run.alt {
		upper := (r-run.lo)%2 == 0
		switch {
		case upper && c == LowerCase:
			return r + 1
		case !upper && c != LowerCase:
			return r - 1
		}
		return r
	}
	return r + run.d[c]
}

// ToUpper maps r to upper case.
func ToUpper(r rune) rune {
	if r <= MaxASCII {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	return To(UpperCase, r)
}

// ToLower maps r to lower case.
func ToLower(r rune) rune {
	if r <= MaxASCII {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return To(LowerCase, r)
}

// ToTitle maps r to title case.
func ToTitle(r rune) rune {
	if r <= MaxASCII {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	return To(TitleCase, r)
}

// foldRun is one decoded SimpleFold run.
type foldRun struct {
	lo, hi rune
	alt    bool
	d      rune
}

var foldRuns []foldRun

// SimpleFold returns the next rune after r in r's case-folding orbit (wrapping
// to the smallest), or r itself if it has no other case forms.
func SimpleFold(r rune) rune {
	if r < 0 || r > MaxRune {
		return r
	}
	if foldRuns == nil {
		rd := &reader{s: foldData}
		prev := int64(-1)
		for rd.i < len(rd.s) {
			lo := prev + 1 + int64(rd.next())
			hi := lo + int64(rd.next())
			alt := rd.next() == 1
			foldRuns = append(foldRuns, foldRun{rune(lo), rune(hi), alt, rune(rd.nextInt())})
			prev = hi
		}
	}
	lo, hi := 0, len(foldRuns)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if foldRuns[m].hi < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(foldRuns) || foldRuns[lo].lo > r {
		return r
	}
	run := foldRuns[lo]
	if run.alt {
		if (r-run.lo)%2 == 0 {
			return r + 1
		}
		return r - 1
	}
	return r + run.d
}
