// run

package main

// A deferred call with arguments runs through a wrapper (gc's, refgo's
// pkg.f.deferwrapN) that runtime.Caller leaves out, as gc's wrapper functions.

import (
	"fmt"
	"runtime"
	"strings"
)

func show(tag string, n int) {
	if recover() == nil {
		return
	}
	for i := 0; i < n; i++ {
		pc, file, line, _ := runtime.Caller(i)
		fmt.Println(tag, i, runtime.FuncForPC(pc).Name(), file[strings.LastIndex(file, "/")+1:], line)
	}
}

type T struct{ x int }

//go:noinline
func f(p *T) int {
	defer show("nil", 6)
	return p.x
}

//go:noinline
func g(a []int, i int) int {
	defer show("index", 2)
	return a[i]
}

func main() {
	f(nil)
	g(nil, 1)
}
