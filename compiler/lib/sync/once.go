package sync

import "sync/atomic"

// Once performs exactly one action.
type Once struct {
	done uint32
	m    Mutex
}

// Do calls f if and only if Do is being called for the first time for this Once;
// every other call returns once that first f has returned (or panicked).
func (o *Once) Do(f func()) {
	if atomic.LoadUint32(&o.done) == 0 {
		o.first(f) // out of line: Do itself stays small enough to inline
	}
}

func (o *Once) first(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if o.done != 0 {
		return
	}
	defer atomic.StoreUint32(&o.done, 1)
	f()
}

// Cond is a condition variable: goroutines Wait for an event that others Signal or
// Broadcast. L is held while observing or changing the condition.
type Cond struct {
	L      Locker
	notify notifyList
}

// notifyList hands out tickets (wait) and releases them in order (notify).
type notifyList struct {
	wait, notify uint32
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond { return &Cond{L: l} }

// Wait atomically unlocks c.L and suspends the goroutine until woken by Signal or
// Broadcast, then locks c.L again before returning.
func (c *Cond) Wait() {
	t := notifyListAdd(&c.notify)
	c.L.Unlock()
	notifyListWait(&c.notify, t)
	c.L.Lock()
}

// Signal wakes the goroutine that has waited longest on c, if any.
func (c *Cond) Signal() { notifyListNotifyOne(&c.notify) }

// Broadcast wakes all goroutines waiting on c.
func (c *Cond) Broadcast() { notifyListNotifyAll(&c.notify) }
