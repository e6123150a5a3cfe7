//go:build refgo

package time

// now returns the wall clock (CLOCK_REALTIME) as seconds and nanoseconds since
// the Unix epoch, and the monotonic clock (CLOCK_MONOTONIC) in nanoseconds.
// Provided by refgo's runtime.
func now() (sec int64, nsec int32, mono int64)

// sleep parks the calling goroutine for ns > 0 nanoseconds of the monotonic clock
// while the others run. Provided by refgo's runtime (compiler/runtime/sched.c).
func sleep(ns int64)
