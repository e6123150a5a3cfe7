// run

// Bounds checks prove keeps must still fail at the first index out of range: each
// call below goes one step past what the facts allow and prints the panic.

package main

import "fmt"

var sink int

func try(name string, f func()) {
	defer func() {
		fmt.Println(name+":", recover())
	}()
	f()
}

//go:noinline
func offsets(t *[40]int, lo, hi int) {
	for i := lo; i < hi; i++ {
		sink += t[i-5]
		sink += t[i+10]
	}
}

//go:noinline
func masked(t *[16]int, k int, u uint) {
	sink += t[k&15]
	sink += t[u%16]
	sink += t[k%16]
}

//go:noinline
func shrink(s []byte) int {
	n := 0
	for len(s) >= 16 {
		n += int(s[15])
		s = s[13:]
		n += int(s[3])
		s = s[4:]
	}
	return n
}

//go:noinline
func grow(s []int, n int) int {
	for i := range s {
		sink += len(s[:i+n])
	}
	return sink
}

//go:noinline
func narrow(t *[200]int, b uint8) {
	sink += t[b%200]
	sink += t[b]
}

func main() {
	var t [40]int
	try("offsets ok", func() { offsets(&t, 5, 30) })
	try("offsets low", func() { offsets(&t, 4, 30) })
	try("offsets high", func() { offsets(&t, 5, 31) })
	var m [16]int
	try("masked ok", func() { masked(&m, -1, 99) })
	try("masked neg", func() { masked(&m, -3, 99) })
	try("shrink", func() { sink += shrink(make([]byte, 16)) })
	try("shrink ok", func() { sink += shrink(make([]byte, 36)) })
	try("grow ok", func() { grow(make([]int, 4, 5), 1) })
	try("grow cap", func() { grow(make([]int, 4, 5), 3) })
	var n [200]int
	try("narrow ok", func() { narrow(&n, 199) })
	try("narrow", func() { narrow(&n, 200) })
	fmt.Println(sink)
}
