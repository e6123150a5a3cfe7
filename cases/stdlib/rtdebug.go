// run

// runtime/debug: the collector's percentage, the stack limit, the settings that are
// only kept, and Stack naming the calling goroutine's frames, inlined ones included.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

var sink []byte

type wrapper struct{ a []int }

func (w wrapper) get(i int) int { return w.a[i] }

func collections(percent int) uint32 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	debug.SetGCPercent(percent)
	for i := 0; i < 20000; i++ {
		sink = make([]byte, 1024)
	}
	runtime.ReadMemStats(&after)
	return after.NumGC - before.NumGC
}

func frames() {
	defer func() {
		recover()
		stk := string(debug.Stack())
		for _, name := range []string{"goroutine 1 [running]:", "runtime/debug.Stack", "main.frames", "main.main", "rtdebug.go:41"} {
			fmt.Println(name, strings.Contains(stk, name))
		}
	}()
	w := wrapper{a: []int{1, 2, 3}}
	_ = w.get(1)
	_ = w.get(5)
}

func main() {
	fmt.Println(debug.SetGCPercent(50))
	fmt.Println(debug.SetGCPercent(100))
	fmt.Println("percent 1 collects more often than off:", collections(1) > collections(-1))
	fmt.Println("off:", collections(-1))
	fmt.Println(debug.SetGCPercent(100))
	fmt.Println(debug.SetMaxStack(1 << 20))
	fmt.Println(debug.SetMaxStack(1000000000))
	fmt.Println(debug.SetMaxThreads(20), debug.SetMaxThreads(10000))
	fmt.Println(debug.SetMemoryLimit(-1), debug.SetMemoryLimit(1<<30), debug.SetMemoryLimit(-1))
	debug.FreeOSMemory()
	frames()
	done := make(chan string)
	go func() { done <- string(debug.Stack()) }()
	stk := <-done
	fmt.Println(strings.HasPrefix(stk, "goroutine "), strings.Contains(stk, "main.main.func1"))
}
