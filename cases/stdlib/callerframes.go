// run

// runtime.Caller counts the frames of inlined functions as gc does (FuncForPC and
// FileLine of the pc it gives name the inlined function), and a goroutine's stack ends
// with gc's runtime.goexit, below main.main with runtime.main first; runtime.Stack
// leaves those out.
package main

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

func h() {
	for skip := 0; ; skip++ {
		pc, file, line, ok := runtime.Caller(skip)
		if !ok {
			fmt.Println(skip, "end")
			break
		}
		fn := runtime.FuncForPC(pc)
		ffile, fline := fn.FileLine(pc)
		fmt.Println(skip, fn.Name(), filepath.Base(file), line, filepath.Base(ffile), fline)
	}
}

func g() { h() }

//go:noinline
func f() { g() }

func frames() {
	pcs := make([]uintptr, 20)
	fs := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	for {
		fr, more := fs.Next()
		fmt.Println(fr.Function, filepath.Base(fr.File), fr.Line)
		if !more {
			break
		}
	}
	buf := make([]byte, 4096)
	s := string(buf[:runtime.Stack(buf, false)])
	fmt.Println(strings.Contains(s, "runtime.main"), strings.Contains(s, "goexit"))
}

var done = make(chan bool)

func worker() {
	frames()
	done <- true
}

func main() {
	f()
	frames()
	go worker()
	<-done
}
