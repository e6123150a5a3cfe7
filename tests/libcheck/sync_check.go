// Command sync_check checks sync on one goroutine: Mutex, RWMutex, WaitGroup, Once,
// Pool, Map and Cond.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type counter struct {
	mu sync.Mutex
	n  int
}

func main() {
	var c counter
	for i := 0; i < 1000; i++ {
		c.mu.Lock()
		c.n++
		c.mu.Unlock()
	}
	fmt.Println(c.n, c.mu.TryLock(), c.mu.TryLock())
	c.mu.Unlock()
	var rw sync.RWMutex
	rw.RLock()
	rw.RLock()
	fmt.Println(rw.TryLock(), rw.TryRLock())
	rw.RUnlock()
	rw.RUnlock()
	rw.RUnlock()
	fmt.Println(rw.TryLock(), rw.TryRLock())
	rw.Unlock()
	l := rw.RLocker()
	l.Lock()
	l.Unlock()
	var wg sync.WaitGroup
	wg.Add(2)
	wg.Done()
	wg.Done()
	wg.Wait()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		wg.Done()
	}()
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once", i) })
	}
	var o2 sync.Once
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		o2.Do(func() { panic("boom") })
	}()
	o2.Do(func() { fmt.Println("not again") })
	p := sync.Pool{New: func() any { return "new" }}
	fmt.Println(p.Get())
	p.Put("a")
	fmt.Println(p.Get(), p.Get())
	var m sync.Map
	m.Store("x", 1)
	m.Store(2, "two")
	v, ok := m.Load("x")
	fmt.Println(v, ok)
	v, ok = m.Load("y")
	fmt.Println(v, ok)
	a, loaded := m.LoadOrStore("x", 5)
	fmt.Println(a, loaded)
	a, loaded = m.LoadOrStore("z", 6)
	fmt.Println(a, loaded)
	v, ok = m.LoadAndDelete("z")
	fmt.Println(v, ok)
	m.Delete(2)
	var keys []string
	m.Store("w", nil)
	m.Range(func(k, v any) bool { keys = append(keys, fmt.Sprint(k, "=", v)); return true })
	sort.Strings(keys)
	fmt.Println(keys)
	cond := sync.NewCond(&c.mu)
	cond.Signal()
	cond.Broadcast()
	fmt.Println("done")
}
