// run

// The loader pattern: a struct embedding a buffered-reader interface whose method
// converts that interface to the narrower io.ByteReader on every call
// (binary.ReadUvarint(loader.R)), in a loop until the input runs out and the
// panic carrying the error is recovered.

package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
)

type R interface {
	Read([]byte) (int, error)
	ReadByte() (byte, error)
	UnreadByte() error
}

type L struct{ R }

// Varuint64 reads an unsigned LEB128 number or panics with the read error.
func (loader L) Varuint64() uint64 {
	value, err := binary.ReadUvarint(loader.R)
	if err != nil {
		panic(err)
	}
	return value
}

// Byte reads one byte through the embedded interface directly.
func (loader L) Byte() byte {
	b, err := loader.ReadByte()
	if err != nil {
		panic(err)
	}
	return b
}

// readAll reads numbers until the loader panics, returning them and the error.
func readAll(loader L) (values []uint64, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(error)
			if !ok {
				panic(r)
			}
			err = e
		}
	}()
	for {
		values = append(values, loader.Varuint64())
	}
}

func main() {
	var buf []byte
	for _, v := range []uint64{0, 1, 127, 128, 300, 1 << 32, 1<<64 - 1} {
		buf = binary.AppendUvarint(buf, v)
	}
	loader := L{bytes.NewReader(buf)}
	values, err := readAll(loader)
	fmt.Println(values, err)

	truncated := L{bytes.NewReader([]byte{0x01, 0xff, 0xff})}
	values, err = readAll(truncated)
	fmt.Println(values, err, err == io.ErrUnexpectedEOF)

	overflow := L{bytes.NewReader(bytes.Repeat([]byte{0xff}, 11))}
	values, err = readAll(overflow)
	fmt.Println(len(values), err)

	mixed := L{bytes.NewReader([]byte{7, 0x96, 0x01, 9})}
	fmt.Println(mixed.Byte(), mixed.Varuint64(), mixed.Byte())
	if err := mixed.UnreadByte(); err != nil {
		fmt.Println("unread:", err)
	}
	fmt.Println(mixed.Byte())
	var br io.ByteReader = mixed.R
	_, err = br.ReadByte()
	fmt.Println(err)
}
