// run

// A frame stopped by a nil dereference that has deferred calls is scanned, while its
// deferred calls run, with the pointers live where a recover resumes it (its results),
// as gc does: a parameter dead after its last use is finalized during the panic, the
// result is not until the caller is done with it.
package main

import (
	"fmt"
	"runtime"
	"time"
)

type obj struct {
	id  int
	pad [8]int64
}

var finalized [3]bool

func newObj(id int) *obj {
	o := &obj{id: id}
	runtime.SetFinalizer(o, func(o *obj) { finalized[o.id] = true })
	return o
}

func collect() {
	for i := 0; i < 3; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
}

//go:noinline
func use(o *obj) int { return o.id }

var sink int

//go:noinline
func fault(a, b *obj) (res *obj) {
	res = b
	defer func() {
		fmt.Println("recovered:", recover() != nil)
		collect()
		fmt.Println("in defer:", finalized[1], finalized[2])
	}()
	sink += use(a)
	var p *int
	*p = 0
	return
}

func main() {
	r := fault(newObj(1), newObj(2))
	collect()
	fmt.Println("after:", finalized[1], finalized[2], use(r))
	collect()
	fmt.Println("end:", finalized[1], finalized[2])
}
