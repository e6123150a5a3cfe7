// run

// runtime.CallersFrames expands a return address into the frames of the functions
// inlined at that call, innermost first, then the compiled function's: each with its
// own function name and line; Func is nil for an inlined frame.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

func leaf() []uintptr { // not inlined: it calls Callers
	pcs := make([]uintptr, 16)
	return pcs[:runtime.Callers(1, pcs)]
}

func outer() []uintptr { return leaf() } // inlined into its callers

//go:noinline
func notInlined() []uintptr { return outer() }

func show(pcs []uintptr) {
	frames := runtime.CallersFrames(pcs)
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "main.") {
			break
		}
		fmt.Println(f.Function, f.Line, f.Func != nil, f.Entry != 0)
		if !more {
			break
		}
	}
	fmt.Println()
}

func main() {
	show(outer())
	show(notInlined())
}
