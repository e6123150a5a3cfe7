// run

// regexp: RE2 syntax (flags, classes, escapes, repetitions, named groups) with
// leftmost-first matching, submatches, Find/FindAll, Replace with $ expansion, Split and
// gc's parse errors.
package main

import (
	"fmt"
	"regexp"
)

func main() {
	pats := []string{
		`a+b*`, `(a|ab)(c|bcd)(d*)`, `(?i)hello`, `^\d+$`, `(?m)^x.*$`, `(?s)a.b`,
		`\bfoo\b`, `[^a-c]+`, `[[:alpha:]]+`, `x*`, `(a*)*`, `(a+?)(b*?)`, `\w+@\w+\.com`,
		`(?P<first>\w+) (?P<last>\w+)`, `a{2,3}`, `a{2}?`, `\Qa.b\E+`, `[\d\s]+`, `.`,
		`(?U)a+`, `\x41\x{42}`, `a|b|`, `日本\p`, `(`, `)`, `a**`, `[z-a]`, `x{1001}`, `\8`,
		`[a`, `(?i)[k-m]+`, `(\w+)\s(\w+)`, `(?m)$`, `\A\z`, `(a)|(b)`,
	}
	inputs := []string{"", "aaab", "abcd", "HeLLo world", "123", "12a", "x1\nx2\ny", "a\nb",
		"a foo foobar foo.", "abcdef", "John Smith", "aaaa", "a.ba.b", "1 2\t3", "日本語",
		"xAB", "KkLmn", "bob@example.com x@y.com", "ab", "ba"}
	for _, p := range pats {
		re, err := regexp.Compile(p)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("%s %d %q\n", re, re.NumSubexp(), re.SubexpNames())
		for _, in := range inputs {
			fmt.Printf(" %q %v %q %v %q %q %v\n", in, re.MatchString(in), re.FindString(in),
				re.FindStringIndex(in), re.FindStringSubmatch(in), re.FindAllString(in, -1),
				re.FindAllStringSubmatchIndex(in, 2))
			fmt.Printf("  %q %q %q\n", re.ReplaceAllString(in, "<$1|${2}|$0$$>"), re.Split(in, -1),
				re.ReplaceAllStringFunc(in, func(s string) string { return "[" + s + "]" }))
		}
	}
	re := regexp.MustCompile(`(?P<k>\w+)=(?P<v>\w+)`)
	fmt.Println(re.ReplaceAllString("a=1 b=2", "$v=$k $1x ${1}x"), re.SubexpIndex("v"))
	fmt.Printf("%q %q\n", re.Find([]byte("zz q=r")), re.FindSubmatch([]byte("zz q=r")))
	fmt.Println(string(re.ReplaceAll([]byte("x=y"), []byte("$2$1"))), regexp.QuoteMeta("a.b*c[d]"))
	ok, err := regexp.MatchString(`^[a-z]+\[[0-9]+\]$`, "adam[23]")
	fmt.Println(ok, err)
	_, err = regexp.Match(`a(b`, nil)
	fmt.Println(err)
	defer func() { fmt.Println(recover()) }()
	regexp.MustCompile(`a[`)
}
