// run

// A function marked //go:uintptrescapes keeps the object of each uintptr(p)
// argument alive until it returns, also one packed into its ... slice, passed to a
// method, or evaluated by a go or defer statement.

package main

import (
	"runtime"
	"unsafe"
)

var freed [8]bool

func obj(i int) unsafe.Pointer {
	p := new([16]int64)
	p[0] = int64(i)
	runtime.SetFinalizer(p, func(p *[16]int64) { freed[p[0]] = true })
	return unsafe.Pointer(p)
}

func check(what string, ps ...uintptr) {
	runtime.GC()
	runtime.GC()
	for _, p := range ps {
		i := (*[16]int64)(unsafe.Pointer(p))[0]
		println(what, i, freed[i])
	}
}

//go:noinline
//go:uintptrescapes
func one(p uintptr) { check("one", p) }

//go:noinline
//go:uintptrescapes
func many(ps ...uintptr) { check("many", ps...) }

type T struct{}

//go:noinline
//go:uintptrescapes
func (T) m(p, q uintptr) { check("method", p, q) }

func main() {
	one(uintptr(obj(0)))
	many(uintptr(obj(1)), uintptr(obj(2)))
	T{}.m(uintptr(obj(3)), uintptr(obj(4)))
	done := make(chan bool)
	go func() {
		defer close(done)
		defer one(uintptr(obj(5)))
	}()
	<-done
	func() {
		for i := 6; i < 8; i++ {
			defer many(uintptr(obj(i)))
		}
	}()
}
