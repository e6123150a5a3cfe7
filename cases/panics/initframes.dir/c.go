package c

import (
	"fmt"
	"runtime"

	"./a"
	"./b"
)

var Y = a.X + b.B + 1

func init() {
	for skip := 0; ; skip++ {
		pc, _, line, ok := runtime.Caller(skip)
		if !ok {
			break
		}
		fmt.Println("c.init.0 Caller", skip, runtime.FuncForPC(pc).Name(), line)
	}
}
