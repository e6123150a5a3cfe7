// Command unicode_check compares package unicode over every rune by checksums.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	preds := []struct {
		name string
		f    func(rune) bool
	}{
		{"IsLetter", unicode.IsLetter}, {"IsUpper", unicode.IsUpper}, {"IsLower", unicode.IsLower},
		{"IsTitle", unicode.IsTitle}, {"IsMark", unicode.IsMark}, {"IsNumber", unicode.IsNumber},
		{"IsDigit", unicode.IsDigit}, {"IsPunct", unicode.IsPunct}, {"IsSymbol", unicode.IsSymbol},
		{"IsSpace", unicode.IsSpace}, {"IsControl", unicode.IsControl}, {"IsPrint", unicode.IsPrint},
		{"IsGraphic", unicode.IsGraphic},
	}
	for _, p := range preds {
		var n, sum uint64
		for r := rune(-2); r <= unicode.MaxRune+2; r++ {
			if p.f(r) {
				n++
				sum = sum*1000003 + uint64(r)
			}
		}
		fmt.Println(p.name, n, sum)
	}
	maps := []struct {
		name string
		f    func(rune) rune
	}{
		{"ToUpper", unicode.ToUpper}, {"ToLower", unicode.ToLower}, {"ToTitle", unicode.ToTitle},
		{"SimpleFold", unicode.SimpleFold},
		{"To(Upper)", func(r rune) rune { return unicode.To(unicode.UpperCase, r) }},
		{"To(9)", func(r rune) rune { return unicode.To(9, r) }},
	}
	for _, m := range maps {
		var changed, sum uint64
		for r := rune(-2); r <= unicode.MaxRune+2; r++ {
			if v := m.f(r); v != r {
				changed++
				sum = sum*1000003 + uint64(r)*7 + uint64(v)
			}
		}
		fmt.Println(m.name, changed, sum)
	}
	fmt.Println(unicode.MaxRune, unicode.ReplacementChar, unicode.MaxASCII, unicode.MaxLatin1,
		unicode.Version, unicode.UpperCase, unicode.LowerCase, unicode.TitleCase, unicode.MaxCase)
	fmt.Println(unicode.IsLetter('é'), unicode.IsDigit('٣'), unicode.ToUpper('ǆ'), unicode.ToTitle('ǆ'),
		unicode.SimpleFold('K'), unicode.SimpleFold('k'), unicode.SimpleFold('\u212a'))
	s := "Hello, Wörld! ǅ ß ΣΑΣ ﬁ Ⅻ ǈ"
	fmt.Println(strings.ToUpper(s), strings.ToLower(s), strings.ToTitle(s), strings.Title("hello wörld-x"))
	fmt.Println(strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("ǅ", "ǆ"), strings.EqualFold("K", "\u212a"),
		strings.EqualFold("σ", "ς"), strings.EqualFold("Σ", "ς"))
	fmt.Printf("%q\n", strings.Fields(" a\u2000b\u3000c\u0085d\u200be "))
	fmt.Println(strings.TrimFunc("¡¡Hola!!", unicode.IsPunct), strings.IndexFunc("abc١٢", unicode.IsDigit),
		strings.Map(unicode.ToUpper, "ßǆ"), strings.ToUpper("\xffa"))
}
