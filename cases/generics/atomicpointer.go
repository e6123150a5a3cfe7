// run

// sync/atomic.Pointer[T]: loads, stores, swaps and compare-and-swap of typed
// pointers, shared by goroutines.

package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct {
	name string
	gen  int
}

func main() {
	var p atomic.Pointer[config]
	fmt.Println(p.Load() == nil)
	c1 := &config{"first", 1}
	p.Store(c1)
	fmt.Println(p.Load().name)
	c2 := &config{"second", 2}
	old := p.Swap(c2)
	fmt.Println(old.name, p.Load().gen)
	fmt.Println(p.CompareAndSwap(c1, c1), p.CompareAndSwap(c2, c1), p.Load().name)

	var counter atomic.Pointer[int]
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				cur := counter.Load()
				n := 1
				if cur != nil {
					n = *cur + 1
				}
				if counter.CompareAndSwap(cur, &n) {
					return
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(*counter.Load())
	fmt.Printf("%T\n", &p)
}
