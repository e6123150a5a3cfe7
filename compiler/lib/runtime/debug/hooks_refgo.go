//go:build refgo

package debug

// setGCPercent sets the collector's GOGC percentage (negative: off) and returns the
// previous one. Provided by refgo's runtime (compiler/runtime/malloc.c).
func setGCPercent(percent int64) int64

// setMaxStack sets the largest stack a goroutine may grow to and returns the previous
// limit. Provided by refgo's runtime (compiler/runtime/sched.c).
func setMaxStack(bytes int64) int64

// setPanicOnFault sets whether a fault at a non-nil address panics in the calling
// goroutine (1) or crashes the program (0) and returns the previous setting. Provided
// by refgo's runtime (compiler/runtime/sched.c).
func setPanicOnFault(on int64) int64
