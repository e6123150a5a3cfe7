//go:build !refgo

package log

import "runtime"

func callerFrame(skip int) (fn string, file string, line int) {
	pcs := make([]uintptr, skip+64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	for i := 0; ; i++ {
		frame, more := frames.Next()
		if i == skip+1 {
			return frame.Function, frame.File, frame.Line
		}
		if !more {
			return "", "", 0
		}
	}
}
