//go:build !refgo

package testing

import (
	"os"
	"runtime"
	"strings"
	"time"
)

var epoch = time.Now()

func nanotime() int64 { return int64(time.Since(epoch)) }

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

func memStats() (mallocs uint64, totalBytes uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs, m.TotalAlloc
}

func collectGarbage() { runtime.GC() }

func cpuName() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
