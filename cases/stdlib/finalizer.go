// run

// runtime.SetFinalizer: finalizers run after the collection that finds their object
// unreachable, once, on their own goroutine; a nil finalizer clears one; a reachable
// object is not finalized.
package main

import (
	"fmt"
	"runtime"
	"time"
)

type T struct {
	id  int
	buf [64]byte
}

var kept *T

func main() {
	done := make(chan int, 10)
	for i := 0; i < 3; i++ {
		t := &T{id: i}
		runtime.SetFinalizer(t, func(t *T) { done <- t.id })
	}
	kept = &T{id: 99}
	runtime.SetFinalizer(kept, func(t *T) { done <- t.id })
	cleared := &T{id: 7}
	runtime.SetFinalizer(cleared, func(t *T) { done <- t.id })
	runtime.SetFinalizer(cleared, nil)
	var anyfin = &T{id: 5}
	runtime.SetFinalizer(anyfin, func(x any) { done <- x.(*T).id + 100 })
	anyfin = nil
	cleared = nil
	for try := 0; try < 100 && len(done) < 4; try++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	sum := 0
	for i := 0; i < 4; i++ {
		sum += <-done
	}
	runtime.GC()
	time.Sleep(20 * time.Millisecond)
	fmt.Println(sum, len(done), kept.id)
	runtime.KeepAlive(kept)
}
