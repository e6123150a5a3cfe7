// errorcheck

// A defined pointer type has no methods: only fields are selected through it.

package main

type node struct{ v int }

func (n *node) M() int { return n.v }

type P *node

func main() {
	var p P = &node{}
	_ = p.v
	_ = p.M() // ERROR "p.M undefined \(type P has no field or method M\)"
	_ = p.w   // ERROR "p.w undefined \(type P has no field or method w\)"
}
