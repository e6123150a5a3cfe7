// Package sync provides mutual exclusion locks (Mutex, RWMutex), WaitGroup, Once,
// Cond, Pool and Map. Blocking and waking are refgo runtime functions
// (compiler/runtime/sync.c, declared in hooks_refgo.go); a waiting goroutine is parked,
// never spinning. For example
//
//	var mu sync.Mutex
//	mu.Lock()   // a second Lock parks until Unlock hands it the lock
//	mu.Unlock()
package sync

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// A Mutex is a mutual exclusion lock; the zero value is unlocked. Unlock with
// goroutines waiting hands the lock to the one that waited longest.
type Mutex struct {
	state int32 // bit 0: locked; the rest: waiters << 1
	sema  uint32
}

// Lock locks m, waiting until it is available.
func (m *Mutex) Lock() { mutexLock(m) }

// TryLock tries to lock m and reports whether it succeeded.
func (m *Mutex) TryLock() bool { return mutexTryLock(m) }

// Unlock unlocks m; unlocking an unlocked Mutex is a fatal error.
func (m *Mutex) Unlock() { mutexUnlock(m) }

// A RWMutex is a reader/writer mutual exclusion lock: any number of readers or one
// writer. A waiting writer keeps new readers out; Unlock lets the waiting readers in
// before the next writer.
type RWMutex struct {
	writer, readers int32
	wwait, rwait    int32 // waiting writers and readers
	rsema, wsema    uint32
}

// RLock locks rw for reading.
func (rw *RWMutex) RLock() { rwRLock(rw) }

// TryRLock tries to lock rw for reading and reports whether it succeeded.
func (rw *RWMutex) TryRLock() bool { return rwTryRLock(rw) }

// RUnlock undoes a single RLock call.
func (rw *RWMutex) RUnlock() { rwRUnlock(rw) }

// Lock locks rw for writing.
func (rw *RWMutex) Lock() { rwLock(rw) }

// TryLock tries to lock rw for writing and reports whether it succeeded.
func (rw *RWMutex) TryLock() bool { return rwTryLock(rw) }

// Unlock unlocks rw for writing.
func (rw *RWMutex) Unlock() { rwUnlock(rw) }

// RLocker returns a Locker whose Lock and Unlock call rw.RLock and rw.RUnlock.
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// A WaitGroup waits for a collection of goroutines to finish.
type WaitGroup struct {
	count   int64
	waiters int32
	sema    uint32
}

// Add adds delta, which may be negative, to the counter; at zero every goroutine
// blocked in Wait is released. A negative counter panics.
func (wg *WaitGroup) Add(delta int) {
	if wgAdd(wg, delta) < 0 {
		panic("sync: negative WaitGroup counter")
	}
}

// Done decrements the counter by one.
func (wg *WaitGroup) Done() { wg.Add(-1) }

// Wait blocks until the counter is zero.
func (wg *WaitGroup) Wait() { wgWait(wg) }
