// Command strings_funcs runs strings functions over edge cases.
package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

func show(name string, v any) { fmt.Printf("%s: %q\n", name, v) }

func main() {
	inputs := []string{"", "a", "abc", "a,b,c", ",a,,b,", "héllo wörld", "  spaced\t\n ", "aaaa",
		"\xff\xfeab", "世界世界", "\u00a0x\u2003"}
	seps := []string{"", ",", "a", "aa", "b", "界", "xyz"}
	for _, s := range inputs {
		for _, sep := range seps {
			fmt.Printf("%q %q: %d %d %v %v %v %d %q %q %q %q %q\n", s, sep, strings.Index(s, sep),
				strings.LastIndex(s, sep), strings.Contains(s, sep), strings.HasPrefix(s, sep),
				strings.HasSuffix(s, sep), strings.Count(s, sep), strings.Split(s, sep),
				strings.SplitN(s, sep, 2), strings.SplitAfter(s, sep), strings.SplitN(s, sep, 0),
				strings.SplitAfterN(s, sep, -1))
			fmt.Printf("  %q %q %q %q %q %q %q %d %d %v\n", strings.Trim(s, sep),
				strings.TrimLeft(s, sep), strings.TrimRight(s, sep), strings.TrimPrefix(s, sep),
				strings.TrimSuffix(s, sep), strings.Replace(s, sep, "<>", 2),
				strings.ReplaceAll(s, sep, "-"), strings.IndexAny(s, sep),
				strings.LastIndexAny(s, sep), strings.ContainsAny(s, sep))
			b, a, f := strings.Cut(s, sep)
			fmt.Printf("  cut %q %q %v eqfold=%v cmp=%d\n", b, a, f, strings.EqualFold(s, sep),
				strings.Compare(s, sep))
		}
		fmt.Printf("%q: fields=%q space=%q upper=%q lower=%q rep=%q\n", s, strings.Fields(s),
			strings.TrimSpace(s), strings.ToUpper(s), strings.ToLower(s), strings.Repeat(s, 3))
		fmt.Printf("  byte=%d lastbyte=%d rune=%d %d %d\n", strings.IndexByte(s, 'a'),
			strings.LastIndexByte(s, 'a'), strings.IndexRune(s, 'ö'), strings.IndexRune(s, utf8.RuneError),
			strings.IndexRune(s, -1))
	}
	show("join", strings.Join([]string{"a", "b", "c"}, ", "))
	show("join1", strings.Join([]string{"x"}, "-"))
	show("join0", strings.Join(nil, "-"))
	show("fieldsfunc", strings.FieldsFunc("a1b22c333", func(r rune) bool { return r >= '0' && r <= '9' }))
	show("map", strings.Map(func(r rune) rune {
		if r == 'a' {
			return -1
		}
		return r + 1
	}, "banana"))
	show("trimfunc", strings.TrimFunc("123abc456", func(r rune) bool { return r < 'a' }))
	show("indexfunc", strings.IndexFunc("abc1", func(r rune) bool { return r == '1' }))
	show("eqfold", strings.EqualFold("Go ÉTÉ", "go été"))
	show("upper", strings.ToUpper("àéîõü ÿ µ ß"))
	show("lower", strings.ToLower("ÀÉÎÕÜ ABC"))
	show("containsrune", strings.ContainsRune("abc☺", '☺'))
	show("repeat0", strings.Repeat("x", 0))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		strings.Repeat("x", -1)
	}()
	var sb strings.Builder
	sb.WriteString("hello")
	sb.WriteByte(' ')
	n, err := sb.WriteRune('世')
	fmt.Println(n, err)
	sb.Write([]byte("!"))
	fmt.Fprintf(&sb, " %d", 42)
	fmt.Println(sb.String(), sb.Len())
	sb.Reset()
	fmt.Printf("%q %d\n", sb.String(), sb.Len())
	sb.Grow(10)
	fmt.Println(sb.Cap() >= 10)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var a strings.Builder
		a.WriteString("x")
		b := a
		b.WriteString("y")
	}()
	r := strings.NewReader("héllo")
	fmt.Println(r.Len(), r.Size())
	c, _ := r.ReadByte()
	ru, size, _ := r.ReadRune()
	fmt.Println(c, ru, size, r.Len(), r.UnreadRune(), r.UnreadRune(), r.Len())
	buf := make([]byte, 3)
	n, err = r.Read(buf)
	fmt.Println(n, err, string(buf[:n]))
	rest, err := io.ReadAll(r)
	fmt.Printf("%q %v\n", rest, err)
	n, err = r.Read(buf)
	fmt.Println(n, err)
	_, err = r.ReadByte()
	fmt.Println(err, r.UnreadByte(), r.Len())
	fmt.Println(strings.NewReader("").UnreadByte())
	pos, err := r.Seek(1, io.SeekStart)
	fmt.Println(pos, err)
	var out strings.Builder
	m, err := r.WriteTo(&out)
	fmt.Println(m, err, out.String())
}
