// run

package main

import (
	"fmt"
	"runtime"
)

// A goroutine collects in a loop that calls no Go function while main yields 500
// times: runtime.GC lets the other goroutines run as gc's does (it parks its caller
// for the cycle), so main is not starved until the preemption monitor steps in.

type pair struct {
	name string
	vals []int
}

var shared *pair

func fill(k int) *pair {
	p := &pair{name: fmt.Sprint("p", k)}
	for i := 0; i < 8; i++ {
		p.vals = append(p.vals, k*i)
	}
	return p
}

func main() {
	go func() {
		for {
			runtime.GC()
		}
	}()
	sum := 0
	for k := 0; k < 500; k++ {
		runtime.Gosched()
		shared = fill(k)
		sum += shared.vals[7] + len(shared.name)
	}
	fmt.Println("sum", sum, shared.name)
}
