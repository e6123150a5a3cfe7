// Command binary_io checks encoding/binary varints and byte orders, and package io.
package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
)

// loader reads varints through an io.ByteReader interface, like the blog's loader.
type loader struct {
	R io.ByteReader
}

type sliceReader struct {
	data []byte
	max  int
}

func (s *sliceReader) Read(p []byte) (int, error) {
	if len(s.data) == 0 {
		return 0, io.EOF
	}
	n := len(p)
	if n > s.max {
		n = s.max
	}
	n = copy(p[:n], s.data)
	s.data = s.data[n:]
	return n, nil
}

type errWriter struct{ n int }

func (w *errWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return w.n, errors.New("full")
	}
	w.n -= len(p)
	return len(p), nil
}

func main() {
	uvals := []uint64{0, 1, 127, 128, 255, 300, 16383, 16384, 1 << 32, 1<<63 - 1, 1 << 63, 1<<64 - 1}
	for _, v := range uvals {
		buf := make([]byte, binary.MaxVarintLen64)
		n := binary.PutUvarint(buf, v)
		app := binary.AppendUvarint([]byte{0xAA}, v)
		x, m := binary.Uvarint(buf[:n])
		y, err := binary.ReadUvarint(strings.NewReader(string(buf[:n])))
		fmt.Printf("%d: % x | % x | %d %d | %d %v\n", v, buf[:n], app, x, m, y, err)
	}
	svals := []int64{0, 1, -1, 63, -64, 64, -65, 1<<62 + 5, -1 << 63, 1<<63 - 1}
	for _, v := range svals {
		buf := make([]byte, binary.MaxVarintLen64)
		n := binary.PutVarint(buf, v)
		x, m := binary.Varint(buf[:n])
		y, err := binary.ReadVarint(strings.NewReader(string(buf[:n])))
		fmt.Printf("%d: % x | % x | %d %d | %d %v\n", v, buf[:n], binary.AppendVarint(nil, v), x, m,
			y, err)
	}
	bad := [][]byte{{}, {0x80}, {0xff, 0xff}, {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02},
		{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01},
		{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01}, {0x81, 0x01, 0x05}}
	for _, b := range bad {
		x, n := binary.Uvarint(b)
		sx, sn := binary.Varint(b)
		y, err := binary.ReadUvarint(strings.NewReader(string(b)))
		sy, serr := binary.ReadVarint(strings.NewReader(string(b)))
		fmt.Printf("% x: %d %d %d %d | %d %v | %d %v\n", b, x, n, sx, sn, y, err, sy, serr)
	}
	fmt.Println(binary.MaxVarintLen16, binary.MaxVarintLen32, binary.MaxVarintLen64)
	var stream []byte
	for i := uint64(0); i < 20; i++ {
		stream = binary.AppendUvarint(stream, i*i*i*977)
	}
	l := loader{R: strings.NewReader(string(stream))}
	var sum uint64
	count := 0
	for {
		v, err := binary.ReadUvarint(l.R)
		if err != nil {
			fmt.Println("loader stop:", err, err == io.EOF)
			break
		}
		sum += v
		count++
	}
	fmt.Println("loader:", count, sum)

	orders := []binary.ByteOrder{binary.LittleEndian, binary.BigEndian}
	for _, o := range orders {
		b := make([]byte, 8)
		o.PutUint16(b, 0x0102)
		fmt.Printf("%v %s % x %#x\n", o, o, b[:2], o.Uint16(b))
		o.PutUint32(b, 0x01020304)
		fmt.Printf("% x %#x\n", b[:4], o.Uint32(b))
		o.PutUint64(b, 0x0102030405060708)
		fmt.Printf("% x %#x\n", b, o.Uint64(b))
		ao := o.(binary.AppendByteOrder)
		fmt.Printf("% x\n", ao.AppendUint64(ao.AppendUint32(ao.AppendUint16(nil, 0xBEEF), 0xCAFEBABE),
			0xDEADBEEF01020304))
	}
	fmt.Printf("%#v %#v\n", binary.LittleEndian, binary.BigEndian)
	func() {
		defer func() { fmt.Println("recovered:", recover() != nil) }()
		binary.LittleEndian.Uint32([]byte{1, 2})
	}()

	fmt.Println(io.EOF, io.ErrUnexpectedEOF, io.ErrShortWrite, io.ErrShortBuffer, io.ErrNoProgress)
	buf := make([]byte, 5)
	n, err := io.ReadFull(&sliceReader{[]byte("abcdefg"), 2}, buf)
	fmt.Println(n, err, string(buf[:n]))
	n, err = io.ReadFull(&sliceReader{[]byte("abc"), 2}, buf)
	fmt.Println(n, err, string(buf[:n]))
	n, err = io.ReadFull(&sliceReader{nil, 2}, buf)
	fmt.Println(n, err)
	n, err = io.ReadAtLeast(&sliceReader{[]byte("abcdef"), 4}, buf, 2)
	fmt.Println(n, err)
	n, err = io.ReadAtLeast(&sliceReader{[]byte("abcdef"), 4}, buf, 6)
	fmt.Println(n, err)
	var sb strings.Builder
	w, err := io.Copy(&sb, &sliceReader{[]byte(strings.Repeat("xy", 1000)), 7})
	fmt.Println(w, err, sb.Len())
	w, err = io.Copy(&errWriter{5}, strings.NewReader("0123456789"))
	fmt.Println(w, err)
	sb.Reset()
	w, err = io.CopyN(&sb, strings.NewReader("0123456789"), 4)
	fmt.Println(w, err, sb.String())
	w, err = io.CopyN(&sb, strings.NewReader("01"), 4)
	fmt.Println(w, err, sb.String())
	all, err := io.ReadAll(io.LimitReader(strings.NewReader("0123456789"), 3))
	fmt.Println(string(all), err)
	all, err = io.ReadAll(io.MultiReader(strings.NewReader("ab"), strings.NewReader(""),
		strings.NewReader("cd")))
	fmt.Println(string(all), err)
	var a, b strings.Builder
	mw := io.MultiWriter(&a, &b)
	n, err = io.WriteString(mw, "both")
	fmt.Println(n, err, a.String(), b.String())
	n, err = io.WriteString(io.Discard, "gone")
	fmt.Println(n, err)
	var tee strings.Builder
	all, err = io.ReadAll(io.TeeReader(strings.NewReader("teed"), &tee))
	fmt.Println(string(all), err, tee.String())
	rc := io.NopCloser(strings.NewReader("x"))
	fmt.Println(rc.Close())
	sb.Reset()
	w, err = io.CopyBuffer(&sb, strings.NewReader("buffered copy"), make([]byte, 3))
	fmt.Println(w, err, sb.String())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		io.CopyBuffer(&sb, strings.NewReader("x"), []byte{})
	}()
	sec := io.NewSectionReader(strings.NewReader("0123456789"), 2, 5)
	part := make([]byte, 3)
	n, err = sec.Read(part)
	fmt.Println(n, err, string(part[:n]), sec.Size())
	n, err = sec.ReadAt(part, 3)
	fmt.Println(n, err, string(part[:n]))
	pos, err := sec.Seek(-1, io.SeekEnd)
	fmt.Println(pos, err)
	rest, err := io.ReadAll(sec)
	fmt.Println(string(rest), err)
	_, err = sec.Seek(0, 7)
	fmt.Println(err)
	_, err = sec.Seek(-10, io.SeekCurrent)
	fmt.Println(err)
	n, err = strings.NewReader("abc").ReadAt(part, 1)
	fmt.Println(n, err, string(part[:n]))
	_, err = strings.NewReader("abc").ReadAt(part, -1)
	fmt.Println(err)
	var _ io.ReadSeeker = strings.NewReader("")
	var _ io.ReaderAt = strings.NewReader("")
	var _ io.ReadWriter
	var _ io.ByteScanner = strings.NewReader("")
	var _ io.RuneScanner = strings.NewReader("")
	var _ io.StringWriter = &sb
	var _ io.ByteWriter = &sb
	var _ io.Seeker = strings.NewReader("")
	var _ io.WriterTo = strings.NewReader("")
}
