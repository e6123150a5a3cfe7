// Package debug is refgo's runtime/debug: the collector's and the scheduler's knobs
// and the calling goroutine's stack as text, e.g.
//
//	old := debug.SetGCPercent(1)  // collect once the heap grows 1% past the live heap
//	os.Stderr.Write(debug.Stack())
//
// SetGCPercent and SetMaxStack change what refgo's runtime does (compiler/runtime
// malloc.c and sched.c); SetMaxThreads, SetMemoryLimit and SetTraceback only keep
// their setting, since Go code runs on one thread and the collector has no limit.
package debug

import (
	"os"
	"runtime"
)

// SetGCPercent sets the garbage collection target percentage and returns the
// previous setting; a negative percentage disables collection.
func SetGCPercent(percent int) int {
	return int(setGCPercent(int64(percent)))
}

// SetMaxStack sets the maximum size of a goroutine's stack in bytes and returns the
// previous setting; a goroutine growing past it crashes the program.
func SetMaxStack(bytes int) int {
	return int(setMaxStack(int64(bytes)))
}

// SetPanicOnFault sets whether a fault at an unexpected (non-nil) address, such as a
// page mapped without access, makes the calling goroutine panic with a runtime error
// instead of crashing the program; it returns the previous setting.
func SetPanicOnFault(enabled bool) bool {
	on := int64(0)
	if enabled {
		on = 1
	}
	return setPanicOnFault(on) != 0
}

var maxThreads = 10000

// SetMaxThreads sets the maximum number of operating system threads the program may
// use and returns the previous setting (refgo uses one).
func SetMaxThreads(threads int) int {
	old := maxThreads
	maxThreads = threads
	return old
}

var memoryLimit int64 = 1<<63 - 1

// SetMemoryLimit sets the soft memory limit and returns the previous one; a negative
// limit only reads it.
func SetMemoryLimit(limit int64) int64 {
	old := memoryLimit
	if limit >= 0 {
		memoryLimit = limit
	}
	return old
}

var traceback = "single"

// SetTraceback sets how much a crash prints (none, single, all, system, crash).
func SetTraceback(level string) {
	traceback = level
}

// FreeOSMemory forces a garbage collection and returns as much memory as possible to
// the operating system.
func FreeOSMemory() {
	runtime.GC()
}

// Stack returns a formatted stack trace of the goroutine that calls it.
func Stack() []byte {
	buf := make([]byte, 1024)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

// PrintStack prints to standard error the stack trace returned by Stack.
func PrintStack() {
	os.Stderr.Write(Stack())
}
