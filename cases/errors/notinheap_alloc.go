// errorcheck

// A //go:notinheap type, or an array or struct holding one, can live
// neither on the stack nor in Go's heap: only in globals and memory
// obtained elsewhere.

package main

//go:notinheap
type node struct{ next *node }

type pair struct {
	a node
	b int
}

type alias = node

var global node // ok
var list []node
var sink interface{}

func use(n *node) { sink = n }

func main() {
	var local node // ERROR "node is incomplete \(or unallocatable\); stack allocation disallowed"
	_ = local
	use(new(node))               // ERROR "node can't be allocated in Go; it is incomplete \(or unallocatable\)"
	sink = new(pair)             // ERROR "pair can't be allocated in Go"
	sink = new([2]alias)         // ERROR "\[2\]node can't be allocated in Go"
	list = make([]node, 4)       // ERROR "node can't be allocated in Go"
	list = append(list, global) // ERROR "node can't be allocated in Go"
	use(&global)
}
