package bytes

import (
	"errors"
	"io"
	"unicode/utf8"
)

// MinRead is the minimum slice size ReadFrom passes to Read.
const MinRead = 512

// ErrTooLarge is the panic value when a Buffer cannot grow.
var ErrTooLarge = errors.New("bytes.Buffer: too large")

var errNegativeRead = errors.New("bytes.Buffer: reader returned negative count from Read")

// Buffer is a variable-sized buffer of bytes; the zero value is an empty buffer.
// Unread data is buf[off:]; lastRead records whether the last operation was a
// read of 1..4 bytes (a rune of that size), so that Unread* can undo it.
type Buffer struct {
	buf      []byte
	off      int
	lastRead int
}

const (
	opInvalid = 0
	opRead    = -1
)

// NewBuffer returns a Buffer whose initial contents are buf.
func NewBuffer(buf []byte) *Buffer { return &Buffer{buf: buf} }

// NewBufferString returns a Buffer whose initial contents are s.
func NewBufferString(s string) *Buffer { return &Buffer{buf: []byte(s)} }

// Bytes returns the unread portion (aliasing the buffer).
func (b *Buffer) Bytes() []byte { return b.buf[b.off:] }

// String returns the unread portion as a string, "<nil>" for a nil *Buffer.
func (b *Buffer) String() string {
	if b == nil {
		return "<nil>"
	}
	return string(b.buf[b.off:])
}

// Len returns the number of unread bytes.
func (b *Buffer) Len() int { return len(b.buf) - b.off }

// Cap returns the capacity of the underlying storage.
func (b *Buffer) Cap() int { return cap(b.buf) }

// Reset empties the buffer, keeping its storage.
func (b *Buffer) Reset() {
	b.buf = b.buf[:0]
	b.off = 0
	b.lastRead = opInvalid
}

// Truncate discards all but the first n unread bytes.
func (b *Buffer) Truncate(n int) {
	if n == 0 {
		b.Reset()
		return
	}
	b.lastRead = opInvalid
	if n < 0 || n > b.Len() {
		panic("bytes.Buffer: truncation out of range")
	}
	b.buf = b.buf[:b.off+n]
}

// tryGrowByReslice makes room for n more bytes within the capacity, if there is room,
// and returns where they start: the common case of a write, small enough to inline.
func (b *Buffer) tryGrowByReslice(n int) (int, bool) {
	if l := len(b.buf); n <= cap(b.buf)-l {
		b.buf = b.buf[:l+n]
		return l, true
	}
	return 0, false
}

// grow makes room for n more bytes and returns where they start.
func (b *Buffer) grow(n int) int {
	if b.Len() == 0 && b.off != 0 {
		b.Reset()
	}
	m := len(b.buf)
	if cap(b.buf)-m >= n {
		b.buf = b.buf[:m+n]
		return m
	}
	if b.off > 0 && b.Len()+n <= cap(b.buf)/2 {
		copy(b.buf, b.buf[b.off:])
		m -= b.off
		b.buf = b.buf[:m+n]
		b.off = 0
		return m
	}
	nb := make([]byte, b.Len(), 2*cap(b.buf)+n)
	copy(nb, b.buf[b.off:])
	b.buf = nb[:b.Len()+n]
	b.off = 0
	return b.Len() - n
}

// Grow guarantees space for n more bytes; it panics if n is negative.
func (b *Buffer) Grow(n int) {
	if n < 0 {
		panic("bytes.Buffer.Grow: negative count")
	}
	m := b.grow(n)
	b.buf = b.buf[:m]
}

// Write appends p; the error is always nil.
func (b *Buffer) Write(p []byte) (int, error) {
	b.lastRead = opInvalid
	m, ok := b.tryGrowByReslice(len(p))
	if !ok {
		m = b.grow(len(p))
	}
	return copy(b.buf[m:], p), nil
}

// WriteString appends s; the error is always nil.
func (b *Buffer) WriteString(s string) (int, error) {
	b.lastRead = opInvalid
	m, ok := b.tryGrowByReslice(len(s))
	if !ok {
		m = b.grow(len(s))
	}
	return copy(b.buf[m:], s), nil
}

// WriteByte appends c; the error is always nil.
func (b *Buffer) WriteByte(c byte) error {
	b.lastRead = opInvalid
	m, ok := b.tryGrowByReslice(1)
	if !ok {
		m = b.grow(1)
	}
	b.buf[m] = c
	return nil
}

// WriteRune appends the UTF-8 encoding of r and returns its length.
func (b *Buffer) WriteRune(r rune) (int, error) {
	b.lastRead = opInvalid
	var tmp [utf8.UTFMax]byte
	n := utf8.EncodeRune(tmp[:], r)
	m := b.grow(n)
	copy(b.buf[m:], tmp[:n])
	return n, nil
}

// Read reads up to len(p) unread bytes; io.EOF when the buffer is empty and p is not.
func (b *Buffer) Read(p []byte) (int, error) {
	b.lastRead = opInvalid
	if b.Len() == 0 {
		b.Reset()
		if len(p) == 0 {
			return 0, nil
		}
		return 0, io.EOF
	}
	n := copy(p, b.buf[b.off:])
	b.off += n
	if n > 0 {
		b.lastRead = opRead
	}
	return n, nil
}

// Next returns the next n unread bytes (fewer at the end), consuming them.
func (b *Buffer) Next(n int) []byte {
	b.lastRead = opInvalid
	if n > b.Len() {
		n = b.Len()
	}
	data := b.buf[b.off : b.off+n]
	b.off += n
	if n > 0 {
		b.lastRead = opRead
	}
	return data
}

// ReadByte reads one byte, or returns io.EOF.
func (b *Buffer) ReadByte() (byte, error) {
	if b.Len() == 0 {
		b.Reset()
		return 0, io.EOF
	}
	c := b.buf[b.off]
	b.off++
	b.lastRead = opRead
	return c, nil
}

// ReadRune reads one UTF-8 encoded rune, or returns io.EOF.
func (b *Buffer) ReadRune() (r rune, size int, err error) {
	if b.Len() == 0 {
		b.Reset()
		return 0, 0, io.EOF
	}
	c := b.buf[b.off]
	if c < utf8.RuneSelf {
		b.off++
		b.lastRead = 1
		return rune(c), 1, nil
	}
	r, n := utf8.DecodeRune(b.buf[b.off:])
	b.off += n
	b.lastRead = n
	return r, n, nil
}

// UnreadRune unreads the rune returned by the last ReadRune.
func (b *Buffer) UnreadRune() error {
	if b.lastRead <= opInvalid {
		return errors.New("bytes.Buffer: UnreadRune: previous operation was not a successful ReadRune")
	}
	if b.off >= b.lastRead {
		b.off -= b.lastRead
	}
	b.lastRead = opInvalid
	return nil
}

// UnreadByte unreads the last byte of the last successful read.
func (b *Buffer) UnreadByte() error {
	if b.lastRead == opInvalid {
		return errors.New("bytes.Buffer: UnreadByte: previous operation was not a successful read")
	}
	b.lastRead = opInvalid
	if b.off > 0 {
		b.off--
	}
	return nil
}

// ReadBytes reads up to and including delim; io.EOF if delim is not found.
func (b *Buffer) ReadBytes(delim byte) ([]byte, error) {
	i := IndexByte(b.buf[b.off:], delim)
	end := b.off + i + 1
	var err error
	if i < 0 {
		end = len(b.buf)
		err = io.EOF
	}
	line := append([]byte(nil), b.buf[b.off:end]...)
	b.off = end
	b.lastRead = opRead
	return line, err
}

// ReadString is ReadBytes returning a string.
func (b *Buffer) ReadString(delim byte) (string, error) {
	line, err := b.ReadBytes(delim)
	return string(line), err
}

// WriteTo writes the unread bytes to w until the buffer is empty or an error occurs.
func (b *Buffer) WriteTo(w io.Writer) (n int64, err error) {
	b.lastRead = opInvalid
	if unread := b.Len(); unread > 0 {
		m, e := w.Write(b.buf[b.off:])
		if m > unread {
			panic("bytes.Buffer.WriteTo: invalid Write count")
		}
		b.off += m
		n = int64(m)
		if e != nil {
			return n, e
		}
		if m != unread {
			return n, io.ErrShortWrite
		}
	}
	b.Reset()
	return n, nil
}

// ReadFrom reads from r until EOF, appending to the buffer.
func (b *Buffer) ReadFrom(r io.Reader) (int64, error) {
	b.lastRead = opInvalid
	var total int64
	for {
		i := b.grow(MinRead)
		b.buf = b.buf[:i]
		m, err := r.Read(b.buf[i:cap(b.buf)])
		if m < 0 {
			panic(errNegativeRead)
		}
		b.buf = b.buf[:i+m]
		total += int64(m)
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}
