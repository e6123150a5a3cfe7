// run

// runtime's introspection: Caller, Callers, CallersFrames, FuncForPC, Stack and
// ReadMemStats, read from refgo's pc tables and heap counters.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

type T struct{}

func (*T) M() (string, int) {
	pc, file, line, ok := runtime.Caller(0)
	return runtime.FuncForPC(pc).Name() + " " + file[strings.LastIndex(file, "/")+1:], line*10 + b2i(ok)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func deep(n int) []string {
	if n > 0 {
		return deep(n - 1)
	}
	pcs := make([]uintptr, 10)
	k := runtime.Callers(1, pcs)
	fr := runtime.CallersFrames(pcs[:k])
	var out []string
	for {
		f, more := fr.Next()
		out = append(out, fmt.Sprintf("%s:%d", f.Function, f.Line))
		if !more || f.Function == "main.main" {
			break
		}
	}
	return out
}

func main() {
	fmt.Println((&T{}).M())
	fmt.Println(deep(2))
	fmt.Println(runtime.FuncForPC(0) == nil)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before := m.Mallocs
	s := make([][]byte, 0)
	for i := 0; i < 100; i++ {
		s = append(s, make([]byte, 100))
	}
	runtime.GC()
	runtime.ReadMemStats(&m)
	fmt.Println(m.Mallocs-before >= 100, m.NumGC >= 1, m.TotalAlloc >= m.Alloc, m.HeapObjects == m.Mallocs-m.Frees, len(s))
	buf := make([]byte, 1000)
	n := runtime.Stack(buf, false)
	fmt.Println(strings.HasPrefix(string(buf[:n]), "goroutine 1 [running]:\nmain.main("))
	runtime.KeepAlive(s)
	fmt.Println(runtime.GOOS, runtime.GOARCH)
}
