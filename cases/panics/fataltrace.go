// run

// An unrecovered panic's traceback as gc prints it: each compiled frame's function,
// `f()` when it takes no parameters, then its file:line and the return address's
// offset in the function (` +0x1d`); an inlined frame's `f(...)` with no offset. The
// program runs itself to read its child's output (addresses and paths differ).
package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
)

var s = []int{1, 2, 3}
var k = 5

func get() int {
	return s[k]
}

//go:noinline
func middle() int {
	x := get()
	return x + 1
}

//go:noinline
func deref() {
	var p *struct{ a, b int }
	p.b++
}

func deferring() {
	defer fmt.Println("deferred")
	deref()
}

func main() {
	switch os.Getenv("FATALTRACE") {
	case "index":
		middle()
		return
	case "nil":
		deferring()
		return
	}
	offset := regexp.MustCompile(` \+0x[0-9a-f]+$`)
	for _, mode := range []string{"index", "nil"} {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), "FATALTRACE="+mode)
		out, err := cmd.CombinedOutput()
		fmt.Println(mode, err)
		for _, ln := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if strings.HasPrefix(ln, "[signal") {
				ln = "[signal ...]"
			}
			if i := strings.LastIndex(ln, "/"); i >= 0 && strings.HasPrefix(ln, "\t") {
				ln = "\t" + ln[i+1:]
			}
			if offset.MatchString(ln) {
				ln = offset.ReplaceAllString(ln, " +off")
			}
			fmt.Println(ln)
		}
	}
}
