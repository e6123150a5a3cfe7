// run

// Values regalloc keeps in callee-saved registers survive calls, deep recursion, a
// recovered panic whose unwound frames never restored the registers they used, and
// collections that run while the C runtime holds pointers in those registers.

package main

import "runtime"

type node struct {
	next *node
	val  int
}

// clobber keeps several values live across calls, so it uses every callee-saved
// register, then panics with them all changed.
func clobber(n int) int {
	a, b, c, d, e := n+1, n+2, n+3, n+4, n+5
	if n == 0 {
		panic("deep")
	}
	r := clobber(n - 1)
	return r + a + b + c + d + e
}

func catch(n int) (res int) {
	defer func() {
		if recover() != nil {
			res = -1
		}
	}()
	return clobber(n)
}

func build(n int) *node {
	var head *node
	for i := 0; i < n; i++ {
		head = &node{head, i}
		if i%1000 == 0 {
			runtime.GC()
		}
	}
	return head
}

func sum(p *node) int {
	s := 0
	for ; p != nil; p = p.next {
		s += p.val
	}
	return s
}

// rotate holds x, y and z in callee-saved registers across catch, whose callees
// change those registers and are unwound by the recovered panic.
func rotate() (int, int, int) {
	x, y, z := 11, 22, 33
	for i := 0; i < 3; i++ {
		c := catch(20 + i)
		println(c, x, y, z)
		x, y, z = y, z, x+c
	}
	return x, y, z
}

func main() {
	x, y, z := rotate()
	total := 0
	for i := 0; i < 4; i++ {
		total += sum(build(5000))
	}
	println(total, x+y+z)
	defer func() {
		println("deferred", x, y, z, total)
	}()
}
