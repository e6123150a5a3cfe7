//go:build !refgo

package time

import (
	gsync "sync"
	gtime "time"
)

var start = gtime.Now()

func now() (sec int64, nsec int32, mono int64) {
	t := gtime.Now()
	return t.Unix(), int32(t.Nanosecond()), int64(t.Sub(start))
}

func sleep(ns int64) { gtime.Sleep(gtime.Duration(ns)) }

func runtimeNano() int64 { return int64(gtime.Since(start)) }

// Under gc each queued runtimeTimer is one of gc's timers, found by address.

var (
	timerMu gsync.Mutex
	timers  = map[*runtimeTimer]*gtime.Timer{}
)

// arm queues t on a gc timer; timerMu is held.
func arm(t *runtimeTimer) {
	var gt *gtime.Timer
	gt = gtime.AfterFunc(gtime.Duration(t.when-runtimeNano()), func() {
		timerMu.Lock()
		if timers[t] != gt {
			timerMu.Unlock()
			return
		}
		delete(timers, t)
		f, arg, seq := t.f, t.arg, t.seq
		if t.period > 0 {
			now := runtimeNano()
			t.when += t.period * (1 + (now-t.when)/t.period)
			arm(t)
		}
		timerMu.Unlock()
		f(arg, seq)
	})
	timers[t] = gt
}

func startTimer(t *runtimeTimer) {
	timerMu.Lock()
	defer timerMu.Unlock()
	arm(t)
}

// disarm dequeues t; timerMu is held.
func disarm(t *runtimeTimer) bool {
	gt, ok := timers[t]
	if ok {
		gt.Stop()
		delete(timers, t)
	}
	return ok
}

func stopTimer(t *runtimeTimer) bool {
	timerMu.Lock()
	defer timerMu.Unlock()
	return disarm(t)
}

func resetTimer(t *runtimeTimer, when int64) bool {
	timerMu.Lock()
	defer timerMu.Unlock()
	pending := disarm(t)
	t.when = when
	arm(t)
	return pending
}
