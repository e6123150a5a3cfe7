// Command bytes_check exercises bytes.Buffer, bytes.Reader and the slice functions.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	var b bytes.Buffer
	fmt.Println(b.Len(), b.String() == "", (*bytes.Buffer)(nil).String())
	b.WriteString("hello ")
	b.Write([]byte("wor"))
	b.WriteByte('l')
	n, err := b.WriteRune('d')
	fmt.Println(n, err)
	b.WriteRune('☺')
	fmt.Fprintf(&b, " %d\nline2\nrest", 42)
	fmt.Printf("%q %d\n", b.String(), b.Len())
	line, err := b.ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	fmt.Println(b.UnreadByte(), b.UnreadByte())
	c, _ := b.ReadByte()
	fmt.Println(c, b.UnreadRune())
	lb, err := b.ReadBytes('\n')
	fmt.Printf("%q %v\n", lb, err)
	r, size, err := b.ReadRune()
	fmt.Println(r, size, err, b.UnreadRune(), b.UnreadRune())
	rest, err := b.ReadString('\n')
	fmt.Printf("%q %v %d\n", rest, err, b.Len())
	buf := make([]byte, 4)
	n, err = b.Read(buf)
	fmt.Println(n, err)
	n, err = b.Read(nil)
	fmt.Println(n, err)
	b.WriteString("0123456789")
	fmt.Printf("%q %q\n", b.Next(3), b.Next(2))
	b.Truncate(2)
	fmt.Printf("%q\n", b.String())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		b.Truncate(10)
	}()
	b.Reset()
	b.Grow(64)
	fmt.Println(b.Len(), b.Cap() >= 64)
	m, err := b.ReadFrom(strings.NewReader(strings.Repeat("ab", 600)))
	fmt.Println(m, err, b.Len())
	var sb strings.Builder
	m, err = b.WriteTo(&sb)
	fmt.Println(m, err, sb.Len(), b.Len())
	nb := bytes.NewBufferString("xyz")
	io.Copy(os.Stdout, nb)
	fmt.Println()
	fmt.Println(bytes.NewBuffer([]byte("q")).String())

	s := []byte("  a,b,,c  ")
	fmt.Printf("%q %q %q %q\n", bytes.Split(s, []byte(",")), bytes.SplitN(s, []byte(","), 2),
		bytes.SplitAfter(s, []byte(",")), bytes.Split([]byte("héj"), nil))
	fmt.Printf("%q %q %q %q %q\n", bytes.Fields(s), bytes.TrimSpace(s), bytes.Trim(s, " a"),
		bytes.TrimLeft(s, " "), bytes.TrimRight(s, " c"))
	fmt.Printf("%q %q %q\n", bytes.TrimPrefix(s, []byte("  a")), bytes.TrimSuffix(s, []byte("c  ")),
		bytes.Join([][]byte{[]byte("x"), []byte("y")}, []byte("--")))
	fmt.Println(bytes.Equal(nil, []byte{}), bytes.Equal([]byte("a"), []byte("b")),
		bytes.Compare([]byte("a"), []byte("b")), bytes.Contains(s, []byte("b,")),
		bytes.Index(s, []byte(",")), bytes.LastIndex(s, []byte(",")), bytes.IndexByte(s, 'c'),
		bytes.LastIndexByte(s, ' '), bytes.IndexRune([]byte("aé"), 'é'), bytes.IndexAny(s, "cb"),
		bytes.Count(s, []byte(",")), bytes.HasPrefix(s, []byte("  ")), bytes.HasSuffix(s, []byte("x")),
		bytes.ContainsAny(s, "z"), bytes.ContainsRune(s, 'a'), bytes.EqualFold([]byte("Go"), []byte("GO")))
	fmt.Printf("%s %s %s %s %s\n", bytes.ToUpper([]byte("abc")), bytes.ToLower([]byte("ABC")),
		bytes.Repeat([]byte("ab"), 3), bytes.Replace([]byte("aaa"), []byte("a"), []byte("b"), 2),
		bytes.ReplaceAll([]byte("aaa"), []byte("a"), []byte("bc")))
	before, after, found := bytes.Cut([]byte("k=v"), []byte("="))
	fmt.Printf("%s %s %v %q\n", before, after, found, bytes.Runes([]byte("hé")))
	parts := bytes.Split([]byte("a,b"), []byte(","))
	fmt.Println(cap(parts[0]), len(parts[0]))
	rd := bytes.NewReader([]byte("héllo"))
	ch, sz, _ := rd.ReadRune()
	c2, _ := rd.ReadByte()
	fmt.Println(ch, sz, c2, rd.Len(), rd.Size(), rd.UnreadByte(), rd.UnreadRune())
	all, _ := io.ReadAll(rd)
	fmt.Printf("%q\n", all)
	fmt.Println(bytes.MinRead, bytes.ErrTooLarge)
}
