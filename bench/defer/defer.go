// BenchmarkDefer's body as a program: a call of a function that defers an unlock-like
// closure, N times (N from the first argument, default 10000000), with a checksum.
package main

import (
	"os"
	"strconv"
)

type mutex struct{ n int }

func (m *mutex) lock()   { m.n++ }
func (m *mutex) unlock() { m.n-- }

var total int

//go:noinline
func work(m *mutex, i int) int {
	m.lock()
	defer m.unlock()
	return i & 7
}

func main() {
	n := 10000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	var m mutex
	for i := 0; i < n; i++ {
		total += work(&m, i)
	}
	println(total, m.n)
}
