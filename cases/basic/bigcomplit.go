// run

// A large struct or array literal assigned through a pointer is built in place,
// not in a frame temporary as big as the value: it fits a 64kB stack. Its
// elements are read before the target is cleared.

package main

import (
	"fmt"
	"runtime/debug"
)

type Big struct {
	A [1 << 20]byte
	B string
	C int
}

func fill(p *Big) {
	p.A[7] = 9
	p.C = 5
	*p = Big{B: p.B + "!", C: p.C + int(p.A[7])}
}

func arr(q *[1 << 18]int) {
	q[3] = 4
	*q = [1 << 18]int{1: q[3], 2: q[0] + 1}
}

func small(p *Big, done chan bool) {
	*p = Big{B: "hello", C: 3}
	done <- true
}

func main() {
	p := &Big{B: "x"}
	fill(p)
	fmt.Println(p.B, p.C, p.A[7])
	q := new([1 << 18]int)
	arr(q)
	fmt.Println(q[1], q[2], q[3])

	debug.SetMaxStack(1 << 16)
	done := make(chan bool)
	go small(p, done)
	<-done
	fmt.Println(p.B, p.C)
}
