// run

// runtime.SetFinalizer on a chain of objects: what an object with a finalizer reaches
// is kept for its finalizer, so of a chain only the head is finalized in a collection,
// the next one once the head is freed. A pointer of an object to itself does not keep
// it (gc's scanobject skips it), but a cycle of two objects does.
package main

import (
	"fmt"
	"runtime"
	"time"
)

type node struct {
	name string
	next *node
	pad  [32]byte
}

var order, others []string

func chain() {
	c := &node{name: "c"}
	b := &node{name: "b", next: c}
	a := &node{name: "a", next: b}
	for _, n := range []*node{c, a, b} { // registration order does not matter
		runtime.SetFinalizer(n, func(n *node) {
			if n.next != nil && n.next.name == "" {
				panic("next finalized first")
			}
			order = append(order, n.name)
		})
	}
	self := &node{name: "self"}
	self.next = self
	runtime.SetFinalizer(self, func(n *node) { others = append(others, n.name) })
	x := &node{name: "x"}
	x.next = &node{name: "y", next: x}
	runtime.SetFinalizer(x, func(n *node) { others = append(others, n.name) })
}

func main() {
	chain()
	for i := 0; i < 50 && len(order) < 3; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	for i := 0; i < 5; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	fmt.Println(order, others)
}
