//go:build refgo

package sync

// Provided by refgo's runtime (compiler/runtime/sync.c). A hook that waits parks the
// goroutine; none is preempted midway.

func mutexLock(m *Mutex)
func mutexTryLock(m *Mutex) bool
func mutexUnlock(m *Mutex)

func rwRLock(rw *RWMutex)
func rwTryRLock(rw *RWMutex) bool
func rwRUnlock(rw *RWMutex)
func rwLock(rw *RWMutex)
func rwTryLock(rw *RWMutex) bool
func rwUnlock(rw *RWMutex)

// wgAdd adds delta to the counter and returns the new value; at zero it releases
// every waiter; a negative result is returned with the counter reset to zero.
func wgAdd(wg *WaitGroup, delta int) int
func wgWait(wg *WaitGroup)

// notifyListAdd takes the next ticket; notifyListWait parks until that ticket is
// notified (at once if it already was).
func notifyListAdd(l *notifyList) uint32
func notifyListWait(l *notifyList, t uint32)
func notifyListNotifyOne(l *notifyList)
func notifyListNotifyAll(l *notifyList)

// procPin and procUnpin bracket a section no other goroutine runs during (no
// preemption; the section must not block).
func procPin()
func procUnpin()
