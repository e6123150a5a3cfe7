//go:build refgo

package time

// now returns the wall clock (CLOCK_REALTIME) as seconds and nanoseconds since
// the Unix epoch, and the monotonic clock (CLOCK_MONOTONIC) in nanoseconds.
// Provided by refgo's runtime.
func now() (sec int64, nsec int32, mono int64)

// sleep suspends the program for ns > 0 nanoseconds (nanosleep, resumed after
// signals). Provided by refgo's runtime.
func sleep(ns int64)
