// Package loader benchmarks the article's loader: varints read through an embedded
// buffered-reader interface, once via binary.ReadUvarint(loader.R) (an interface-to-
// interface conversion per call) and once via loader.R.ReadByte() directly. One
// operation decodes a whole buffer of 4096 varints of mixed lengths.
package loader

import (
	"bytes"
	"encoding/binary"
	"testing"
)

type R interface {
	Read([]byte) (int, error)
	ReadByte() (byte, error)
	UnreadByte() error
}

type L struct{ R }

// Varuint64 reads a varint through binary.ReadUvarint, converting R to io.ByteReader.
func (loader L) Varuint64() uint64 {
	value, err := binary.ReadUvarint(loader.R)
	if err != nil {
		panic(err)
	}
	return value
}

// Varuint64Direct decodes the same varint calling loader.R.ReadByte() directly.
func (loader L) Varuint64Direct() uint64 {
	var x uint64
	var s uint
	for i := 0; i < binary.MaxVarintLen64; i++ {
		b, err := loader.R.ReadByte()
		if err != nil {
			panic(err)
		}
		if b < 0x80 {
			return x | uint64(b)<<s
		}
		x |= uint64(b&0x7f) << s
		s += 7
	}
	panic("varint overflows a 64-bit integer")
}

const count = 4096

func input() []byte {
	var buf []byte
	v := uint64(1)
	for i := 0; i < count; i++ {
		buf = binary.AppendUvarint(buf, v)
		v = v*2862933555777941757 + 3037000493
		v >>= uint(i % 64)
	}
	return buf
}

var sink uint64

func TestSame(t *testing.T) {
	buf := input()
	a := L{bytes.NewReader(buf)}
	d := L{bytes.NewReader(buf)}
	for i := 0; i < count; i++ {
		x, y := a.Varuint64(), d.Varuint64Direct()
		if x != y {
			t.Fatalf("varint %d: %d via ReadUvarint, %d direct", i, x, y)
		}
	}
}

// BenchmarkLoaderConv decodes the buffer through binary.ReadUvarint(loader.R).
func BenchmarkLoaderConv(b *testing.B) {
	buf := input()
	r := bytes.NewReader(buf)
	loader := L{r}
	var sum uint64
	for i := 0; i < b.N; i++ {
		r.Reset(buf)
		for j := 0; j < count; j++ {
			sum += loader.Varuint64()
		}
	}
	sink = sum
}

// BenchmarkLoaderDirect decodes the buffer calling loader.R.ReadByte() directly.
func BenchmarkLoaderDirect(b *testing.B) {
	buf := input()
	r := bytes.NewReader(buf)
	loader := L{r}
	var sum uint64
	for i := 0; i < b.N; i++ {
		r.Reset(buf)
		for j := 0; j < count; j++ {
			sum += loader.Varuint64Direct()
		}
	}
	sink = sum
}
