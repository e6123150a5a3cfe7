// run

// Values of every pointer shape held only in stack slots (parameters, locals,
// temporaries, interface and string words, closure contexts, defer records) stay
// intact across calls that allocate enough to trigger many collections: if a map
// omitted a live word, the object would be freed and reused, and a check would fail.

package main

import "runtime"

type node struct {
	v    int
	next *node
}

type shape interface{ area() int }

type rect struct{ w, h int }

func (r rect) area() int { return r.w * r.h }

var garbage []*node

func churn(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		garbage = make([]*node, 256)
		for j := range garbage {
			garbage[j] = &node{v: j}
		}
		s += len(garbage)
	}
	garbage = nil
	return s
}

func build(n int) *node {
	var head *node
	for i := 0; i < n; i++ {
		head = &node{v: i, next: head}
		if i%100 == 0 {
			churn(10)
		}
	}
	return head
}

func sum(p *node) int {
	t := 0
	for ; p != nil; p = p.next {
		t += p.v
	}
	return t
}

func concat(n int) string {
	s := ""
	for i := 0; i < n; i++ {
		s += string(rune('a' + i%26))
		churn(2)
	}
	return s
}

func shapes(n int) []shape {
	var out []shape
	for i := 1; i <= n; i++ {
		out = append(out, rect{i, i + 1})
		churn(3)
	}
	return out
}

func counter() func() int {
	c := &node{}
	return func() int {
		c.v++
		churn(5)
		return c.v
	}
}

func deferred(p *node) (r int) {
	defer func() {
		churn(20)
		r = sum(p)
	}()
	churn(20)
	return -1
}

func main() {
	a := build(2000)
	var e interface{} = build(500)
	s := concat(300)
	sh := shapes(100)
	m := map[string]*node{"x": build(300)}
	next := counter()
	for i := 0; i < 50; i++ {
		next()
	}
	runtime.GC()
	churn(200)
	area := 0
	for _, x := range sh {
		area += x.area()
	}
	println(sum(a), sum(e.(*node)), len(s), s[:26], area, sum(m["x"]), next())
	println(deferred(build(100)))
}
