//go:build !refgo

package sync

import gs "sync"

// Under gc each refgo lock stands for one of gc's, found by address.

var (
	table    gs.Mutex
	mutexes  = map[*Mutex]*gs.Mutex{}
	rwlocks  = map[*RWMutex]*gs.RWMutex{}
	groups   = map[*WaitGroup]*group{}
	notifies = map[*notifyList]*notifier{}
	pin      gs.Mutex
)

func gcMutex(m *Mutex) *gs.Mutex {
	table.Lock()
	defer table.Unlock()
	if mutexes[m] == nil {
		mutexes[m] = new(gs.Mutex)
	}
	return mutexes[m]
}

func gcRW(rw *RWMutex) *gs.RWMutex {
	table.Lock()
	defer table.Unlock()
	if rwlocks[rw] == nil {
		rwlocks[rw] = new(gs.RWMutex)
	}
	return rwlocks[rw]
}

func mutexLock(m *Mutex)         { gcMutex(m).Lock() }
func mutexTryLock(m *Mutex) bool { return gcMutex(m).TryLock() }
func mutexUnlock(m *Mutex)       { gcMutex(m).Unlock() }

func rwRLock(rw *RWMutex)         { gcRW(rw).RLock() }
func rwTryRLock(rw *RWMutex) bool { return gcRW(rw).TryRLock() }
func rwRUnlock(rw *RWMutex)       { gcRW(rw).RUnlock() }
func rwLock(rw *RWMutex)          { gcRW(rw).Lock() }
func rwTryLock(rw *RWMutex) bool  { return gcRW(rw).TryLock() }
func rwUnlock(rw *RWMutex)        { gcRW(rw).Unlock() }

type group struct {
	mu    gs.Mutex
	zero  *gs.Cond
	count int
}

func gcGroup(wg *WaitGroup) *group {
	table.Lock()
	defer table.Unlock()
	if groups[wg] == nil {
		g := &group{}
		g.zero = gs.NewCond(&g.mu)
		groups[wg] = g
	}
	return groups[wg]
}

func wgAdd(wg *WaitGroup, delta int) int {
	g := gcGroup(wg)
	g.mu.Lock()
	defer g.mu.Unlock()
	g.count += delta
	n := g.count
	if n < 0 {
		g.count = 0
	}
	if g.count == 0 {
		g.zero.Broadcast()
	}
	return n
}

func wgWait(wg *WaitGroup) {
	g := gcGroup(wg)
	g.mu.Lock()
	for g.count != 0 {
		g.zero.Wait()
	}
	g.mu.Unlock()
}

type notifier struct {
	mu           gs.Mutex
	changed      *gs.Cond
	wait, notify uint32
}

func gcNotifier(l *notifyList) *notifier {
	table.Lock()
	defer table.Unlock()
	if notifies[l] == nil {
		n := &notifier{}
		n.changed = gs.NewCond(&n.mu)
		notifies[l] = n
	}
	return notifies[l]
}

func notifyListAdd(l *notifyList) uint32 {
	n := gcNotifier(l)
	n.mu.Lock()
	defer n.mu.Unlock()
	n.wait++
	return n.wait - 1
}

func notifyListWait(l *notifyList, t uint32) {
	n := gcNotifier(l)
	n.mu.Lock()
	for int32(t-n.notify) >= 0 {
		n.changed.Wait()
	}
	n.mu.Unlock()
}

func notifyListNotifyOne(l *notifyList) {
	n := gcNotifier(l)
	n.mu.Lock()
	if n.wait != n.notify {
		n.notify++
		n.changed.Broadcast()
	}
	n.mu.Unlock()
}

func notifyListNotifyAll(l *notifyList) {
	n := gcNotifier(l)
	n.mu.Lock()
	n.notify = n.wait
	n.changed.Broadcast()
	n.mu.Unlock()
}

func procPin()   { pin.Lock() }
func procUnpin() { pin.Unlock() }
