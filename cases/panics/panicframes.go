// run

// The frames a deferred call sees above a run-time error's panic: gc's runtime
// function that raised it (runtime.goPanicIndex, panicdivide, ...) between
// runtime.gopanic and the faulting frame, in Callers/CallersFrames and Caller; at
// gopanic's line for a recorded defer or an open-coded one. runtime.Stack leaves the
// runtime's functions out.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var (
	s    = []int{1, 2, 3}
	k    = 5
	zero = 0
	neg  = -1
)

func frames() {
	pcs := make([]uintptr, 16)
	n := runtime.Callers(2, pcs)
	fr := runtime.CallersFrames(pcs[:n])
	for i := 0; i < 3; i++ {
		f, _ := fr.Next()
		fmt.Println("  ", f.Function, f.File[strings.LastIndex(f.File, "/")+1:], f.Line)
	}
	_, _, line, _ := runtime.Caller(3)
	fmt.Println("   caller", line)
	buf := make([]byte, 1024)
	st := string(buf[:runtime.Stack(buf, false)])
	fmt.Println("   stack has goPanicIndex:", strings.Contains(st, "goPanicIndex"))
}

func try(name string, f func()) {
	fmt.Println(name)
	defer func() { recover() }()
	defer frames()
	f()
}

func loopTry(name string, f func()) {
	fmt.Println(name)
	for i := 0; i < 1; i++ {
		defer func() { recover() }()
		defer frames()
	}
	f()
}

type E struct{}

func main() {
	try("index", func() { _ = s[k] })
	try("indexu", func() { _ = s[uint(k)] })
	try("slice", func() { _ = s[:k] })
	try("slice3", func() { _ = s[1:2:k] })
	try("sliceb", func() { i := 2; _ = s[i:1] })
	try("divide", func() { _ = k / zero })
	try("shift", func() { _ = k << neg })
	try("convert", func() { _ = (*[4]int)(s) })
	try("dottype", func() { var x any = 1; _ = x.(E) })
	try("nil", func() { var p *E; _ = *p })
	loopTry("recorded", func() { _ = s[k] })
}
