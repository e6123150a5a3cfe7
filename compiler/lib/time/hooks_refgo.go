//go:build refgo

package time

// now returns the wall clock (CLOCK_REALTIME) as seconds and nanoseconds since
// the Unix epoch, and the monotonic clock (CLOCK_MONOTONIC) in nanoseconds.
// Provided by refgo's runtime.
func now() (sec int64, nsec int32, mono int64)

// sleep parks the calling goroutine for ns > 0 nanoseconds of the monotonic clock
// while the others run. Provided by refgo's runtime (compiler/runtime/sched.c).
func sleep(ns int64)

// runtimeNano returns the monotonic clock (CLOCK_MONOTONIC) in nanoseconds: the
// clock of runtimeTimer.when. Provided by refgo's runtime.
func runtimeNano() int64

// startTimer queues t (not queued) to fire at t.when: then, on the scheduler's
// stack, the runtime calls t.f(t.arg, t.seq) and, for t.period > 0, requeues it
// at the next multiple of the period after now. Provided by compiler/runtime/sched.c.
func startTimer(t *runtimeTimer)

// stopTimer dequeues t, reporting whether it was queued.
func stopTimer(t *runtimeTimer) bool

// resetTimer (re)queues t to fire at when, reporting whether it was queued.
func resetTimer(t *runtimeTimer, when int64) bool
