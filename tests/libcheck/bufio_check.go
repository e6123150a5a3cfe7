// Command bufio_check exercises bufio's Reader, Writer and Scanner (and os.Stdin).
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// trickle returns at most one byte per Read.
type trickle struct{ s string }

func (t *trickle) Read(p []byte) (int, error) {
	if t.s == "" {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = t.s[0]
	t.s = t.s[1:]
	return 1, nil
}

// failing accepts limit bytes, then fails.
type failing struct {
	got   strings.Builder
	limit int
}

func (f *failing) Write(p []byte) (int, error) {
	if f.got.Len()+len(p) > f.limit {
		n := f.limit - f.got.Len()
		f.got.Write(p[:n])
		return n, errors.New("disk full")
	}
	f.got.Write(p)
	return len(p), nil
}

func main() {
	text := "first line\nsecond line is rather long, longer than sixteen bytes\r\nthird\n\nlast no newline"
	for _, rd := range []io.Reader{strings.NewReader(text), &trickle{text}} {
		r := bufio.NewReaderSize(rd, 16)
		fmt.Println(r.Size(), r.Buffered())
		for {
			line, isPrefix, err := r.ReadLine()
			fmt.Printf("%q %v %v\n", line, isPrefix, err)
			if err != nil {
				break
			}
		}
	}
	r := bufio.NewReaderSize(&trickle{text}, 16)
	for {
		s, err := r.ReadString('\n')
		fmt.Printf("%q %v\n", s, err)
		if err != nil {
			break
		}
	}
	r = bufio.NewReaderSize(strings.NewReader("héllo, wörld\xff!"), 16)
	p, err := r.Peek(3)
	fmt.Printf("%q %v %d\n", p, err, r.Buffered())
	p, err = r.Peek(40)
	fmt.Printf("%q %v\n", p, err)
	_, err = r.Peek(-1)
	fmt.Println(err)
	for i := 0; i < 4; i++ {
		c, size, err := r.ReadRune()
		fmt.Println(c, size, err)
	}
	fmt.Println(r.UnreadRune(), r.UnreadRune())
	b, _ := r.ReadByte()
	fmt.Println(b, r.UnreadByte(), r.UnreadByte())
	n, err := r.Discard(5)
	fmt.Println(n, err)
	for {
		c, size, err := r.ReadRune()
		fmt.Println(c, size, err)
		if err != nil {
			break
		}
	}
	n, err = r.Discard(3)
	fmt.Println(n, err)
	buf := make([]byte, 5)
	r = bufio.NewReader(strings.NewReader("0123456789"))
	n, err = r.Read(buf)
	fmt.Println(n, err, string(buf[:n]))
	var sb strings.Builder
	m, err := r.WriteTo(&sb)
	fmt.Println(m, err, sb.String())
	n, err = r.Read(buf)
	fmt.Println(n, err)
	rb, err := bufio.NewReader(strings.NewReader("a;b;c")).ReadBytes(';')
	fmt.Printf("%q %v\n", rb, err)
	sl, err := bufio.NewReaderSize(strings.NewReader(strings.Repeat("x", 40)), 16).ReadSlice('\n')
	fmt.Printf("%q %v\n", sl, err)
	fmt.Println(bufio.NewReader(r) == r, bufio.NewReaderSize(r, 10000) == r)

	var out strings.Builder
	w := bufio.NewWriterSize(&out, 16)
	fmt.Fprintf(w, "hello %d ", 42)
	w.WriteString("buffered writer that overflows")
	w.WriteByte('!')
	w.WriteRune('☺')
	fmt.Println(w.Buffered(), w.Available(), w.Size(), out.Len())
	fmt.Println(w.Flush(), w.Buffered(), out.String())
	nn, err := w.Write([]byte(strings.Repeat("z", 40)))
	fmt.Println(nn, err, out.Len(), w.Buffered())
	w.Flush()
	f := &failing{limit: 20}
	w = bufio.NewWriterSize(f, 16)
	nn, err = w.WriteString("0123456789abcdefghijklmnop")
	fmt.Println(nn, err, w.Flush(), f.got.String(), w.WriteByte('x'))
	w.Reset(&out)
	fmt.Println(w.Flush(), w.Buffered())
	rn, err := w.ReadFrom(strings.NewReader("from reader"))
	fmt.Println(rn, err, w.Flush())
	fmt.Println(bufio.NewWriter(w) == w)

	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		fmt.Printf("line %q\n", sc.Text())
	}
	fmt.Println(sc.Err())
	sc = bufio.NewScanner(strings.NewReader("  alpha beta\u00a0gamma\t\n delta  "))
	sc.Split(bufio.ScanWords)
	for sc.Scan() {
		fmt.Printf("word %q\n", sc.Bytes())
	}
	sc = bufio.NewScanner(&trickle{"hé\xffx"})
	sc.Split(bufio.ScanRunes)
	for sc.Scan() {
		fmt.Printf("rune %q\n", sc.Text())
	}
	sc = bufio.NewScanner(strings.NewReader("ab"))
	sc.Split(bufio.ScanBytes)
	for sc.Scan() {
		fmt.Printf("byte %q\n", sc.Text())
	}
	sc = bufio.NewScanner(strings.NewReader(strings.Repeat("y", 100) + "\nshort\n"))
	sc.Buffer(make([]byte, 8), 32)
	for sc.Scan() {
		fmt.Println("token", sc.Text())
	}
	fmt.Println(sc.Err())
	sc = bufio.NewScanner(strings.NewReader("1,2,STOP,3"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		adv, tok, err := bufio.ScanWords(data, atEOF)
		for i, c := range data {
			if c == ',' {
				tok = data[:i]
				adv = i + 1
				if string(tok) == "STOP" {
					return adv, tok, bufio.ErrFinalToken
				}
				return adv, tok, nil
			}
		}
		return adv, tok, err
	})
	for sc.Scan() {
		fmt.Println("csv", sc.Text())
	}
	fmt.Println(sc.Err(), sc.Scan())
	sc = bufio.NewScanner(strings.NewReader("x"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) { return -1, nil, nil })
	fmt.Println(sc.Scan(), sc.Err())
	sc = bufio.NewScanner(strings.NewReader("x"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) { return 5, nil, nil })
	fmt.Println(sc.Scan(), sc.Err())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		sc.Split(bufio.ScanLines)
	}()

	in := bufio.NewScanner(os.Stdin)
	count := 0
	for in.Scan() {
		count++
		fmt.Printf("stdin %d %q\n", count, in.Text())
	}
	fmt.Println(in.Err())
	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("rw")), bufio.NewWriter(os.Stdout))
	s, _ := rw.ReadString(0)
	rw.WriteString("rw says " + s + "\n")
	rw.Flush()
}
