// Command md5_check checks crypto/md5's sums and hash.Hash behaviour.
package main

import (
	"crypto/md5"
	"fmt"
	"hash"
	"io"
	"strings"
)

func main() {
	for _, s := range []string{"", "a", "abc", "message digest", "abcdefghijklmnopqrstuvwxyz",
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
		strings.Repeat("1234567890", 8), strings.Repeat("x", 55), strings.Repeat("x", 56),
		strings.Repeat("x", 64), strings.Repeat("é", 1000)} {
		fmt.Printf("%x %d\n", md5.Sum([]byte(s)), len(s))
	}
	data := []byte(strings.Repeat("The quick brown fox jumps over the lazy dog. ", 10))
	want := md5.Sum(data)
	ok := true
	for split := 0; split <= 130; split++ {
		h := md5.New()
		h.Write(data[:split])
		mid := h.Sum([]byte("prefix"))
		h.Write(data[split:])
		if got := h.Sum(nil); string(got) != string(want[:]) || string(mid[:6]) != "prefix" || len(mid) != 22 {
			ok = false
		}
	}
	fmt.Println("splits agree:", ok)
	var h hash.Hash = md5.New()
	io.WriteString(h, "discard")
	h.Reset()
	io.WriteString(h, "abc")
	fmt.Printf("%x %d %d %d %d\n", h.Sum(nil), h.Size(), h.BlockSize(), md5.Size, md5.BlockSize)
}
