// run

// runtime.MemProfile with MemProfileRate = 1: every allocation is sampled, counted in
// the record of its call stack (frames of inlined calls included) and size class,
// and the collection that frees an object counts the free.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
)

var keep = make([]*[1024]byte, 10)

//go:noinline
func allocBig(n int) {
	for i := 0; i < n; i++ {
		keep[i] = new([1024]byte)
	}
}

var small = make([]*[40]byte, 25)

func allocSmall(n int) { // inlined into its caller
	for i := 0; i < n; i++ {
		small[i] = new([40]byte)
	}
}

//go:noinline
func callSmall() { allocSmall(25) }

func profile(inuseZero bool) []runtime.MemProfileRecord {
	for i := 0; i < 3; i++ {
		runtime.GC()
	}
	n, ok := runtime.MemProfile(nil, inuseZero)
	if ok || n == 0 {
		fmt.Println("MemProfile(nil) reported", n, ok)
	}
	p := make([]runtime.MemProfileRecord, n+50)
	n, ok = runtime.MemProfile(p, inuseZero)
	if !ok {
		panic("profile grew")
	}
	return p[:n]
}

// report prints the records whose stack passes through main.allocBig or
// main.allocSmall, by their innermost main frame and size, sorted.
func report(p []runtime.MemProfileRecord) {
	var lines []string
	for _, r := range p {
		frames := runtime.CallersFrames(r.Stack())
		var names []string
		for {
			f, more := frames.Next()
			if strings.HasPrefix(f.Function, "main.") {
				names = append(names, f.Function)
			}
			if !more {
				break
			}
		}
		if len(names) == 0 || names[0] != "main.allocBig" && names[0] != "main.allocSmall" {
			continue
		}
		if r.AllocObjects == 0 {
			continue
		}
		lines = append(lines, fmt.Sprintf("%v size=%d alloc=%d/%d free=%d/%d inuse=%d/%d stack=%v\n",
			names, r.AllocBytes/r.AllocObjects, r.AllocObjects, r.AllocBytes,
			r.FreeObjects, r.FreeBytes, r.InUseObjects(), r.InUseBytes(),
			len(r.Stack()) > 0 && len(r.Stack()) <= 32))
	}
	sort.Strings(lines)
	fmt.Print(strings.Join(lines, ""))
}

func main() {
	runtime.MemProfileRate = 1
	allocBig(10)
	callSmall()
	fmt.Println("-- allocated")
	report(profile(false))
	for i := range keep {
		keep[i] = nil
	}
	fmt.Println("-- big ones freed, in use only")
	report(profile(false))
	fmt.Println("-- big ones freed, all")
	report(profile(true))
	runtime.KeepAlive(small)
}
