// Command strconv_utf8 checks strconv conversions and quoting, and unicode/utf8.
package main

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

func main() {
	for _, i := range []int64{0, 1, -1, 42, -9223372036854775808, 9223372036854775807} {
		for _, base := range []int{2, 8, 10, 16, 36} {
			fmt.Print(strconv.FormatInt(i, base), " ")
		}
		fmt.Println(strconv.Itoa(int(i)), string(strconv.AppendInt([]byte("x="), i, 10)))
	}
	fmt.Println(strconv.FormatUint(18446744073709551615, 2), strconv.FormatUint(255, 16),
		string(strconv.AppendUint(nil, 7, 10)))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		strconv.FormatInt(1, 1)
	}()
	ints := []string{"0", "12", "-12", "+7", "", "-", "12a", "0x1F", "0b101", "0o17", "017", "1_000",
		"_1", "1__0", "0x_1f", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
		"-9223372036854775809", "18446744073709551615", "18446744073709551616", "255", "256", "-129",
		"ff", "Z", " 1"}
	for _, s := range ints {
		a, err := strconv.Atoi(s)
		fmt.Println("Atoi", s, a, err)
		for _, bb := range [][2]int{{0, 64}, {10, 8}, {16, 0}, {36, 32}, {1, 0}, {10, 65}} {
			i, err := strconv.ParseInt(s, bb[0], bb[1])
			u, uerr := strconv.ParseUint(s, bb[0], bb[1])
			fmt.Println("  ", bb, i, err, u, uerr)
		}
	}
	for _, s := range []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false",
		"False", "yes", ""} {
		b, err := strconv.ParseBool(s)
		fmt.Println(s, b, err)
	}
	fmt.Println(strconv.FormatBool(true), string(strconv.AppendBool([]byte("b:"), false)))
	strs := []string{"", "abc", "tab\t", "nl\n", "\a\b\f\r\v", "\x00\x01\x1f\x7f", "é☺世",
		"\u00ad\u200b\u2028\ufeff", "\U0001F600\U000E0001", "\xff\xc0\x80", `"'\`, "`", "\U0010FFFF"}
	for _, s := range strs {
		fmt.Println(strconv.Quote(s), strconv.QuoteToASCII(s), strconv.CanBackquote(s),
			string(strconv.AppendQuote([]byte(">"), s)), string(strconv.AppendQuoteToASCII(nil, s)))
		u, err := strconv.Unquote(strconv.Quote(s))
		fmt.Println("  unquote", u == s, err)
	}
	for _, r := range []rune{'a', '\'', '"', '\\', '\n', 0, 0x7f, 'é', '☺', 0xFEFF, 0x10FFFF, 0x110000,
		-1, 0xD800, 0x1F600} {
		fmt.Println(strconv.QuoteRune(r), strconv.QuoteRuneToASCII(r), strconv.IsPrint(r),
			string(strconv.AppendQuoteRune(nil, r)))
	}
	for _, q := range []string{`"a\tb"`, "`raw\\n`", `'x'`, `'\u00e9'`, `"\x41\101\u0041\U00000041"`,
		`"bad`, `'ab'`, `"\q"`, `"\400"`, `''`, "`a`b`", `"a"b"`, `"\'"`, `'\"'`, `"é"`} {
		u, err := strconv.Unquote(q)
		fmt.Printf("%s -> %q %v\n", q, u, err)
	}
	n := 0
	for r := rune(0); r < 0x20000; r++ {
		if strconv.IsPrint(r) {
			n++
		}
	}
	fmt.Println("printable below 0x20000:", n)
	for _, f := range []float64{0, 1.5, -2.25e-10, 1e21, 123456789, 0.1} {
		fmt.Println(strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'f', 3, 64),
			strconv.FormatFloat(f, 'e', -1, 32), string(strconv.AppendFloat(nil, f, 'E', 2, 64)))
	}
	for _, s := range []string{"1.5", "1e-400", "1e400", "-1e400", "inf", "+Inf", "-infinity", "NaN",
		"nan", "+nan", "-NaN", "Infinity", "iNf", "infinit", "nan1", "0x1p-2", "0x1.8p1", "0x1", "0x1p",
		"0x1.p-1", "0x.8p1", "1_000.5", "1__0", "_1", "1_", "0x_1p0", "0_x1p0", "1e_5", "1e5_",
		"0x1p1_0", ".5", "5.", ".", "", "e5", "1e", "1e+", "0x.p1", ".e1", "-.5", "1.2.3", "1.5e1_0",
		"3.4028235e38", "3.4028236e38", "1e-50", "0X1P+3", "00.5", "+.5e-1", "infx", "in", "1ee2",
		"+-1", "0b101", "0o17", "1p2", "1e1000000000000000000000", "0X1.0P-1074", "4e-324", "2e-324",
		"1.7976931348623158e308", "1.7976931348623159e308", "0x1.ffffffffffffffp1023", "123456789012345678901234567890",
		"0.1", "2.2250738585072011e-308", "9007199254740993", " 1", "1 "} {
		f, err := strconv.ParseFloat(s, 64)
		g, err2 := strconv.ParseFloat(s, 32)
		fmt.Println(s, f, err, g, err2)
	}
	ne := &strconv.NumError{Func: "ParseFoo", Num: "x\ty", Err: strconv.ErrRange}
	fmt.Println(ne, ne.Unwrap() == strconv.ErrRange, strconv.IntSize)

	buf := make([]byte, 4)
	for _, r := range []rune{0, 'a', 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfffd,
		0xffff, 0x10000, 0x10ffff, 0x110000, -5} {
		n := utf8.EncodeRune(buf, r)
		fmt.Printf("%U len=%d valid=%v enc=% x app=% x\n", r, utf8.RuneLen(r), utf8.ValidRune(r),
			buf[:n], utf8.AppendRune(nil, r))
	}
	seqs := []string{"", "a", "é", "€", "😀", "\xc3", "\xe2\x82", "\xf0\x9f\x98", "\xc0\x80", "\xe0\x80\x80",
		"\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\x80", "a\xffb", "é\xe2\x82",
		"\xef\xbf\xbd"}
	for _, s := range seqs {
		r, size := utf8.DecodeRuneInString(s)
		lr, lsize := utf8.DecodeLastRuneInString(s)
		br, bsize := utf8.DecodeRune([]byte(s))
		blr, blsize := utf8.DecodeLastRune([]byte(s))
		fmt.Printf("%q: %U %d %U %d %U %d %U %d count=%d %d valid=%v %v full=%v %v start=%v\n", s,
			r, size, lr, lsize, br, bsize, blr, blsize, utf8.RuneCountInString(s),
			utf8.RuneCount([]byte(s)), utf8.ValidString(s), utf8.Valid([]byte(s)),
			utf8.FullRuneInString(s), utf8.FullRune([]byte(s)), len(s) > 0 && utf8.RuneStart(s[0]))
	}
	fmt.Println(utf8.RuneError, utf8.RuneSelf, utf8.MaxRune, utf8.UTFMax)
}
