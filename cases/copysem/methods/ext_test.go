// test

package methods_test

import (
	"encoding/binary"
	"io"
	"testing"

	"."
)

// reader is the method set the loader wraps; ReadUvarint wants only io.ByteReader.
type reader interface {
	io.ByteReader
	Get() int
}

type src struct {
	methods.Bytes
	id int
}

func (s *src) Get() int { return s.id }

type loader struct{ R reader }

func (l loader) uvarint() uint64 {
	v, err := binary.ReadUvarint(l.R)
	if err != nil {
		panic(err)
	}
	return v
}

func TestExternalValueCopy(t *testing.T) {
	v := methods.Val{N: 1}
	var g methods.Getter = v
	v.N = 2
	if g.Get() != 1 {
		t.Errorf("external: Get = %d, want 1", g.Get())
	}
}

func TestLoaderConversionInLoop(t *testing.T) {
	s := &src{Bytes: methods.Bytes{Src: "\x01\x96\x01\xff\xff\x03"}, id: 7}
	l := loader{R: s}
	var got []uint64
	var brs []io.ByteReader
	for i := 0; i < 3; i++ {
		got = append(got, l.uvarint())
		brs = append(brs, io.ByteReader(l.R))
	}
	if len(got) != 3 || got[0] != 1 || got[1] != 150 || got[2] != 65535 {
		t.Errorf("uvarints %v, want [1 150 65535]", got)
	}
	for i, br := range brs {
		if br.(*src) != s {
			t.Errorf("ByteReader %d does not hold the same *src", i)
		}
	}
	if s.Off != 6 || l.R.Get() != 7 {
		t.Errorf("offset %d id %d", s.Off, l.R.Get())
	}
	defer func() {
		if r := recover(); r != io.EOF {
			t.Errorf("recovered %v, want EOF", r)
		}
	}()
	l.uvarint()
	t.Errorf("uvarint at end of input did not panic")
}

func BenchmarkLoaderUvarint(b *testing.B) {
	s := &src{}
	l := loader{R: s}
	for i := 0; i < b.N; i++ {
		s.Src, s.Off = "\x96\x01", 0
		if l.uvarint() != 150 {
			b.Fatal("bad value")
		}
	}
}
