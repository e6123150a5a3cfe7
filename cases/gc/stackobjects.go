// run

// Address-taken variables are stack objects: a stack map lists one only while the
// frame itself still reads it, and the collector scans it whole when a word it
// scans points into it (from the frame, a callee's frame, or another stack object);
// what an unreachable one holds is finalized. Stack growth moves them with the
// pointers into them.

package main

import "runtime"

type Heap [8]int64

type Obj struct {
	h *Heap
}

type Pair struct {
	o *Obj
	n int
}

var fin [8]bool

func gc() {
	runtime.GC()
	runtime.GC()
	runtime.Gosched()
	runtime.GC()
}

func alloc(i int) *Heap {
	h := new(Heap)
	h[0] = int64(i)
	runtime.SetFinalizer(h, func(h *Heap) { fin[h[0]] = true })
	return h
}

//go:noinline
func drop(o *Obj) {
	gc()
	println("drop: before last use", fin[o.h[0]])
	runtime.KeepAlive(o)
	gc()
}

//go:noinline
func dropPair(p *Pair) {
	gc()
	println("dropPair: before last use", fin[p.o.h[0]])
	runtime.KeepAlive(p)
	gc()
}

func lastUse() {
	var s Obj
	s.h = alloc(0)
	drop(&s)
	println("lastUse: after the call", fin[0])
}

func chain() {
	var s Obj
	var p Pair
	s.h = alloc(1)
	p.o = &s
	dropPair(&p)
	println("chain: after the call", fin[1])
}

func readLater() {
	var s Obj
	s.h = alloc(2)
	drop(&s)
	println("readLater: after the call", fin[2])
	println(s.h[0])
}

func throughPointer() {
	var s Obj
	s.h = alloc(3)
	p := &s
	gc()
	println("throughPointer: held by a live pointer", fin[3])
	println(p.h[0])
}

//go:noinline
func deep(n int) int {
	var pad [64]int64
	pad[n%64] = int64(n)
	if n == 0 {
		gc()
		return int(pad[0])
	}
	return deep(n-1) + int(pad[n%64])
}

func moved() {
	var s Obj
	s.h = alloc(4)
	p := &s
	n := deep(2000)
	println("moved: after the stack grew", fin[4], n, p.h[0], p == &s)
}

func parked() {
	var s Obj
	s.h = alloc(5)
	c := make(chan int)
	done := make(chan bool)
	go func(p *Obj) {
		<-c
		println("parked: woken", fin[5], p.h[0])
		done <- true
	}(&s)
	gc()
	c <- 1
	<-done
}

func main() {
	lastUse()
	chain()
	readLater()
	throughPointer()
	moved()
	parked()
}
