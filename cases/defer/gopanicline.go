// run

// A deferred call that a panic runs sees runtime.gopanic as its caller, at the line
// gc's gopanic calls it from: one for a defer recorded with the runtime (in a loop),
// another for an open-coded one.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

func caller() {
	pc, file, line, _ := runtime.Caller(2)
	fmt.Println(runtime.FuncForPC(pc).Name(), file[strings.LastIndex(file, "/")+1:], line)
}

func recorded() {
	for i := 0; i < 1; i++ {
		defer func() { recover(); caller() }()
	}
	panic("recorded")
}

func openCoded() {
	defer func() { recover(); caller() }()
	panic("open-coded")
}

func main() {
	recorded()
	openCoded()
}
