// run

package main

// A nil dereference's frame in runtime.Caller, Callers/CallersFrames and
// runtime.Stack from the deferred call that recovers it: the faulting function at the
// line of the faulting expression, below gc's runtime.gopanic, panicmem and sigpanic.

import (
	"fmt"
	"runtime"
	"strings"
)

type T struct {
	a, b int
	next *T
}

func base(s string) string { return s[strings.LastIndex(s, "/")+1:] }

func report() {
	recover()
	for i := 0; ; i++ {
		pc, file, line, ok := runtime.Caller(i)
		if !ok {
			break
		}
		fmt.Println("caller", i, runtime.FuncForPC(pc).Name(), base(file), line)
	}
	pcs := make([]uintptr, 32)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	for {
		f, more := frames.Next()
		fmt.Println("frame", f.Function, base(f.File), f.Line)
		if !more {
			break
		}
	}
	buf := make([]byte, 4096)
	for _, ln := range strings.Split(string(buf[:runtime.Stack(buf, false)]), "\n") {
		if i := strings.Index(ln, " +0x"); i >= 0 {
			ln = ln[:i] + " +off" // addresses differ
		}
		if i := strings.Index(ln, "("); i >= 0 && !strings.HasSuffix(ln, "()") {
			ln = ln[:i] + "(...)" // refgo prints no argument words
		}
		fmt.Println("stack", base(ln))
	}
}

//go:noinline
func field(p *T) int {
	defer report()
	x := 1
	return x +
		p.next.b // the faulting line
}

//go:noinline
func store(p *T, v int) {
	defer report()
	p.a = v
}

//go:noinline
func walk(p *T) (n int) {
	defer report()
	for q := p; ; q = q.next {
		n += q.a
	}
}

func main() {
	field(&T{})
	store(nil, 3)
	walk(&T{a: 1, next: &T{a: 2}})
}
