// run

// == on structs skips blank fields, so two values differing only there are equal,
// also as map keys and inside interfaces. A type may have several blank fields and
// several methods named _, and a blank field does not clash with a method _.

package main

import (
	"fmt"
	"unsafe"
)

type T struct {
	_, _, _ int
}

func (T) _() {}

func (T) _() {}

type P struct {
	a int
	_ int
	b int
}

type raw struct{ x, y, z int }

func main() {
	t1 := *(*T)(unsafe.Pointer(&raw{1, 2, 3}))
	t2 := *(*T)(unsafe.Pointer(&raw{4, 5, 6}))
	fmt.Println(t1 == t2)
	p1 := *(*P)(unsafe.Pointer(&raw{1, 2, 3}))
	p2 := *(*P)(unsafe.Pointer(&raw{1, 9, 3}))
	p3 := *(*P)(unsafe.Pointer(&raw{1, 9, 4}))
	fmt.Println(p1 == p2, p1 == p3)
	var i1, i2 interface{} = p1, p2
	fmt.Println(i1 == i2)
	m := map[P]int{p1: 1}
	m[p2]++
	fmt.Println(len(m), m[p1])
	a1, a2 := [2]P{p1, p1}, [2]P{p2, p2}
	fmt.Println(a1 == a2)
}
