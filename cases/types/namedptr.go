// run

// A field is selected through a value of a defined pointer type (x.f is (*x).f),
// though such a type has no methods.

package main

type node struct {
	v    int
	next *node
}

type P *node

func main() {
	var p P = &node{v: 3}
	p.v++
	q := P(&node{v: 1, next: p})
	q.next.v *= 10
	println(p.v, q.next.v, q.v)
}
