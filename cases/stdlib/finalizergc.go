// run

// runtime.GC lets the finalizers its collection queued run before it returns, as
// gc's GC does (it parks its caller until the cycle ends), even with one P.
package main

import (
	"fmt"
	"runtime"
)

type T [4]int

var ran int

//go:noinline
func mk() {
	p := new(T)
	runtime.SetFinalizer(p, func(*T) { ran++ })
}

func main() {
	for i := 0; i < 3; i++ {
		mk()
	}
	runtime.GC()
	fmt.Println("after GC:", ran)
	runtime.GC()
	fmt.Println("after 2nd GC:", ran)
}
