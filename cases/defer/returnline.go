// run

// A deferred call that the runtime runs at a return (a defer in a loop, not open-coded)
// sees its caller at that return's line, or at the closing brace when the body falls
// off its end, and no runtime.deferreturn frame between them: gc's traceback leaves
// deferreturn out. A recovered panic still runs the rest of the frame's defers.
package main

import (
	"fmt"
	"runtime"
)

func show(tag string) {
	for skip := 1; skip <= 2; skip++ {
		pc, _, line, _ := runtime.Caller(skip)
		fmt.Println(tag, skip, runtime.FuncForPC(pc).Name(), line)
	}
}

func loop(n int) int {
	for i := 0; i < n; i++ {
		defer show(fmt.Sprint("loop", i))
	}
	if n > 1 {
		return n
	}
	if n > 0 {
		return -n
	}
	return 0
}

func falloff() {
	for i := 0; i < 2; i++ {
		defer show("falloff")
	}
}

func recovered() (r int) {
	for i := 0; i < 2; i++ {
		defer func() {
			if e := recover(); e != nil {
				r = 7
			}
			show("recovered")
		}()
	}
	var m map[string]int
	m["x"] = 1
	return 1
}

func frames() {
	for i := 0; i < 1; i++ {
		defer func() {
			pcs := make([]uintptr, 8)
			n := runtime.Callers(1, pcs)
			fr := runtime.CallersFrames(pcs[:n])
			for {
				f, more := fr.Next()
				fmt.Println("frames", f.Function, f.Line)
				if !more {
					break
				}
			}
		}()
	}
}

func main() {
	fmt.Println(loop(2))
	fmt.Println(loop(1))
	fmt.Println(loop(0))
	falloff()
	fmt.Println(recovered())
	frames()
}
