// run

// hash/maphash: under one seed, equal input hashes alike however it is split among
// writes (Write, WriteString, WriteByte, Bytes, String agree); Reset restarts, SetSeed
// switches functions; Sum appends 8 bytes; an uninitialised Seed panics.
package main

import (
	"fmt"
	"hash/maphash"
	"strings"
)

func main() {
	seed := maphash.MakeSeed()
	other := maphash.MakeSeed()
	for _, n := range []int{0, 1, 7, 8, 9, 127, 128, 129, 300} {
		s := strings.Repeat("xyz", n)[:n]
		var h maphash.Hash
		h.SetSeed(seed)
		for i := 0; i < len(s); i += 5 {
			end := i + 5
			if end > len(s) {
				end = len(s)
			}
			h.WriteString(s[i:end])
		}
		var g maphash.Hash
		g.SetSeed(seed)
		g.Write([]byte(s))
		var b maphash.Hash
		b.SetSeed(seed)
		for i := 0; i < len(s); i++ {
			b.WriteByte(s[i])
		}
		want := maphash.String(seed, s)
		fmt.Println(n, h.Sum64() == want, g.Sum64() == want, b.Sum64() == want,
			maphash.Bytes(seed, []byte(s)) == want, maphash.String(other, s) != want,
			len(h.Sum(nil)), h.Size(), h.BlockSize())
	}
	var h maphash.Hash
	h.WriteString("hello")
	x := h.Sum64()
	h.Reset()
	h.WriteString("hel")
	h.WriteString("lo")
	fmt.Println(x == h.Sum64(), h.Seed() == h.Seed(), maphash.String(h.Seed(), "hello") == x)
	defer func() { fmt.Println(recover()) }()
	maphash.String(maphash.Seed{}, "x")
}
