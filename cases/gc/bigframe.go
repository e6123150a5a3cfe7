// run

// Large arrays in frames: a live [1<<17]*string and a [1<<17]string are each one run
// of their frame's stack maps; the collector must still find every pointer in them, and
// a moved stack must adjust them. The pointer-free [1<<20]byte result needs no map at all.

package main

import (
	"fmt"
	"runtime"
	"strings"
)

type S struct {
	p *int
	a [1 << 17]*string
	b [1 << 10]byte
	s [1 << 17]string
}

//go:noinline
func fill(n int) [1 << 20]byte {
	var r [1 << 20]byte
	r[n] = byte(n)
	return r
}

//go:noinline
func deep(n int) int {
	if n == 0 {
		runtime.GC()
		return 0
	}
	var pad [64]int
	pad[n%64] = n
	return deep(n-1) + pad[n%64]
}

func main() {
	var ptrs [1 << 17]*string
	var t S
	for i := 0; i < len(ptrs); i += 4099 {
		s := strings.Repeat(fmt.Sprint(i), 3)
		ptrs[i] = &s
		t.s[i] = strings.Repeat("x", i%7+1)
	}
	t.a[5] = ptrs[0]
	_ = deep(200) // grows and moves the stack, then collects
	for i := 0; i < 1000; i++ {
		_ = make([]byte, 1000)
	}
	runtime.GC()
	sum := 0
	for i := 0; i < len(ptrs); i += 4099 {
		sum += len(*ptrs[i]) + len(t.s[i])
	}
	r := fill(77)
	fmt.Println(sum, *t.a[5], *ptrs[4099*3], r[77], r == fill(77), t.p == nil)
}
