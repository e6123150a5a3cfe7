// run

// runtime.Stack and debug.Stack name a compiled function without parameters `f()` and
// an inlined one `f(...)`, as gc does (file:line lines are left out here).
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

//go:noinline
func g() string {
	buf := make([]byte, 4096)
	return string(buf[:runtime.Stack(buf, false)])
}

func h() string { return g() }

//go:noinline
func r() (int, string) { return 1, h() }

func main() {
	_, s := r()
	for _, s := range []string{h(), s, string(debug.Stack())} {
		for _, ln := range strings.Split(s, "\n") {
			if !strings.HasPrefix(ln, "\t") && ln != "" {
				fmt.Println(ln)
			}
		}
		fmt.Println("--")
	}
}
