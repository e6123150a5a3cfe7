// Package methods holds types whose methods are called through interfaces after the
// value was converted: value receivers see the copy made at conversion, pointer
// receivers (and value methods reached through a pointer) see the original.
package methods

import "io"

// Getter reads a value; Setter changes it; GetSetter is both.
type Getter interface{ Get() int }

type Setter interface{ Set(int) }

type GetSetter interface {
	Getter
	Setter
}

// Val has value-receiver methods only; Set writes to its receiver copy.
type Val struct {
	N   int
	Buf [2]string
}

func (v Val) Get() int { return v.N }

func (v Val) Set(n int) { v.N = n }

// Ptr has a pointer-receiver Set and a value-receiver Get.
type Ptr struct{ N int }

func (p Ptr) Get() int { return p.N }

func (p *Ptr) Set(n int) { p.N = n }

// Huge is a value over 1024 bytes with a value method.
type Huge struct {
	Words [160]int
	Label string
}

func (h Huge) Get() int { return h.Words[159] }

// Count is a named integer with methods on both receivers.
type Count int

func (c Count) Get() int { return int(c) }

func (c *Count) Set(n int) { *c = Count(n) }

// Bytes reads from a fixed string, one byte at a time (an io.ByteReader).
type Bytes struct {
	Src string
	Off int
}

func (b *Bytes) ReadByte() (byte, error) {
	if b.Off >= len(b.Src) {
		return 0, io.EOF
	}
	c := b.Src[b.Off]
	b.Off++
	return c, nil
}

// Mutate sets the original through p after g was converted from it; returns g.Get().
//
//go:noinline
func Mutate(p *Val, g Getter) int {
	p.N = -1
	return g.Get()
}

// Narrow converts a GetSetter to a Getter (an interface-to-interface conversion).
//
//go:noinline
func Narrow(gs GetSetter) Getter { return gs }
