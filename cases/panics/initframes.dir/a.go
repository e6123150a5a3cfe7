package a

import (
	"fmt"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
)

var X = Frames("a.X") // line 11

// Frames prints its callers' frames: function, file base name and line.
//
//go:noinline
func Frames(what string) int {
	pcs := make([]uintptr, 16)
	n := runtime.Callers(1, pcs)
	fr := runtime.CallersFrames(pcs[:n])
	fmt.Println(what + ":")
	for {
		f, more := fr.Next()
		fmt.Printf("  %s %s:%d\n", f.Function, filepath.Base(f.File), f.Line)
		if !more {
			break
		}
	}
	return len(what)
}

var offset = regexp.MustCompile(` \+0x[0-9a-f]+$`)

// Trace returns s, a traceback, with each file's base name and pc offset +off.
func Trace(s string) string {
	var out []string
	for _, ln := range strings.Split(strings.TrimSpace(s), "\n") {
		if i := strings.LastIndex(ln, "/"); i >= 0 && strings.HasPrefix(ln, "\t") {
			ln = "\t" + ln[i+1:]
		}
		out = append(out, offset.ReplaceAllString(ln, " +off"))
	}
	return strings.Join(out, "\n")
}

// Stack prints runtime.Stack of its caller.
//
//go:noinline
func Stack() {
	var buf [2048]byte
	n := runtime.Stack(buf[:], false)
	fmt.Println(Trace(string(buf[:n])))
}

func init() {
	fmt.Println("a.init.0:")
	Stack()
}
