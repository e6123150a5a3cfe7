// run

package main

// `//line` and `/*line*/` directives change the file and line runtime.Caller,
// CallersFrames and tracebacks report, as gc's pc-line table does: a directive
// without a file gives `??`, one with a column but no file keeps the file before it.

import (
	"fmt"
	"runtime"
)

func where() {
	_, file, line, _ := runtime.Caller(1)
	fmt.Println(file, line)
}

func frames() {
	pcs := make([]uintptr, 8)
	f, _ := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)]).Next()
	fmt.Println(f.Function, f.File, f.Line)
}

func main() {
//line /virtual/gen.go:100
	where()
	where()
//line :7
	where()
//line other.go:20:5
	frames()
//line :30:1
	where()
	/*line inline.go:40*/ where(); /*line :50:9*/ where()
	where()
	func() {
		where()
	}()
}
