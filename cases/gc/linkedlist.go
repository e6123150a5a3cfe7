// run

package main

import "runtime"

// Lists of 2500 nodes are built and dropped 4000 times (about 160 MB of nodes);
// only the newest three stay reachable, through a global and a local.

type node struct {
	val  int
	next *node
}

var keep [3]*node

func build(n, seed int) *node {
	var head *node
	for i := 0; i < n; i++ {
		head = &node{val: seed*7 + i, next: head}
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

func main() {
	total := 0
	local := build(10, -1)
	for round := 0; round < 4000; round++ {
		l := build(2500, round)
		keep[round%3] = l
		if round%100 == 0 {
			runtime.GC()
		}
		total += sum(keep[(round+1)%3])
	}
	println(total, sum(keep[0]), sum(keep[1]), sum(keep[2]), sum(local))
}
