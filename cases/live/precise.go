// run
// refgo-only: runtime.HeapInUse is refgo's heap-in-use API (gc has ReadMemStats)

// Precise stack scanning: a large object whose only reference is a dead stack slot is
// collected, while one referenced by a live slot survives (heap-in-use before and
// after runtime.GC, through the runtime's HeapInUse hook).

package main

import "runtime"

const big = 8 << 20

func fill(b []byte) int {
	for i := range b {
		b[i] = byte(i)
	}
	return len(b)
}

func dead() bool {
	b := make([]byte, big) // the slot of b still holds the pointer, but b is dead below
	n := fill(b)
	runtime.GC()
	return n == big && runtime.HeapInUse() < big
}

func live() bool {
	b := make([]byte, big)
	n := fill(b)
	runtime.GC()
	ok := runtime.HeapInUse() >= big
	return ok && n == big && b[big-1] == byte(255)
}

func main() {
	println("dead slot collected:", dead())
	runtime.GC()
	println("live slot kept:", live())
}
