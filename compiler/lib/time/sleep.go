// Timers and tickers: the Go half of the runtime's timer heap.
//
//	select {
//	case v := <-c:
//		use(v)
//	case <-time.After(50 * time.Millisecond):
//		fmt.Println("timeout")
//	}
//
//	t := time.NewTimer(time.Second)
//	if !t.Stop() { <-t.C }          // drain before Reset, as gc's docs ask
//	t.Reset(10 * time.Millisecond)
//
// A Timer or Ticker embeds a runtimeTimer whose layout is gc's (time/sleep.go);
// the runtime (compiler/runtime/sched.c) keeps started ones in a min-heap on the
// monotonic clock and, when one is due, calls its f(arg, seq) on the scheduler's
// stack. f is a top-level function (never a closure) that must not block:
// sendTime does a non-blocking send on a 1-buffered channel, goFunc starts a
// goroutine. A goroutine waiting on a timer's channel is parked, and the thread
// sleeps until the earliest timer when nothing else can run: no CPU is spent.
package time

import "errors"

// runtimeTimer is the runtime's timer record; do NOT reorder its fields
// (sched.c's rtimer reads them by offset). pp is the heap index + 1 while the
// timer is queued, 0 otherwise.
type runtimeTimer struct {
	pp       uintptr
	when     int64
	period   int64
	f        func(any, uintptr)
	arg      any
	seq      uintptr
	nextwhen int64
	status   uint32
}

// when is the monotonic instant d from now, saturating at the largest int64;
// now itself for d <= 0.
func when(d Duration) int64 {
	t := runtimeNano()
	if d <= 0 {
		return t
	}
	t += int64(d)
	if t < 0 {
		t = 1<<63 - 1
	}
	return t
}

// A Timer sends the current time on C once, when it expires (unless made by
// AfterFunc, which runs a function instead and leaves C nil).
type Timer struct {
	C <-chan Time
	r runtimeTimer
}

// NewTimer returns a Timer that sends the time on its channel after at least d.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{C: c}
	t.r.when = when(d)
	t.r.f = sendTime
	t.r.arg = c
	startTimer(&t.r)
	return t
}

// Stop keeps the timer from firing. It reports whether it stopped a pending
// timer (false: it had already fired or been stopped). It does NOT drain C.
func (t *Timer) Stop() bool {
	if t.r.f == nil {
		panic("time: Stop called on uninitialized Timer")
	}
	return stopTimer(&t.r)
}

// Reset makes the timer expire after d, reporting whether it was pending.
func (t *Timer) Reset(d Duration) bool {
	if t.r.f == nil {
		panic("time: Reset called on uninitialized Timer")
	}
	return resetTimer(&t.r, when(d))
}

// sendTime is a channel timer's f: the time, sent unless the buffer is full
// (a receiver that has not taken the previous tick misses this one).
func sendTime(c any, seq uintptr) {
	select {
	case c.(chan Time) <- Now():
	default:
	}
}

// After waits for d and then sends the current time on the channel it returns:
// NewTimer(d).C.
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// AfterFunc runs f in its own goroutine after d; the Timer's Stop cancels it.
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{}
	t.r.when = when(d)
	t.r.f = goFunc
	t.r.arg = f
	startTimer(&t.r)
	return t
}

// goFunc is an AfterFunc timer's f: start the function in a new goroutine.
func goFunc(arg any, seq uintptr) {
	go arg.(func())()
}

// A Ticker sends the time on C every period; ticks a slow receiver has not
// taken are dropped.
type Ticker struct {
	C <-chan Time
	r runtimeTimer
}

// NewTicker returns a Ticker with period d > 0 (it panics otherwise).
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic(errors.New("non-positive interval for NewTicker"))
	}
	c := make(chan Time, 1)
	t := &Ticker{C: c}
	t.r.when = when(d)
	t.r.period = int64(d)
	t.r.f = sendTime
	t.r.arg = c
	startTimer(&t.r)
	return t
}

// Stop turns the ticker off; C is not closed.
func (t *Ticker) Stop() {
	stopTimer(&t.r)
}

// Reset stops the ticker and restarts it with period d > 0, the next tick d
// from now.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.r.f == nil {
		panic("time: Reset called on uninitialized Ticker")
	}
	stopTimer(&t.r)
	t.r.period = int64(d)
	resetTimer(&t.r, when(d))
}

// Tick is NewTicker(d).C, with no way to stop it; nil for d <= 0.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
