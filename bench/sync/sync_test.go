// Package sync holds the uncontended sync and sync/atomic micro-benchmarks: the
// operations a goroutine pays for even when no other goroutine competes. Results fold
// into a package-level sink so neither compiler can drop the work. (The channel and
// goroutine benchmarks of issue 17 join once the compiler lowers go and channels.)
package sync

import (
	"sync"
	"sync/atomic"
	"testing"
)

var sink int64

// BenchmarkMutexUncontended is one Lock and Unlock of a Mutex no one else wants.
func BenchmarkMutexUncontended(b *testing.B) {
	var mu sync.Mutex
	n := int64(0)
	for i := 0; i < b.N; i++ {
		mu.Lock()
		n++
		mu.Unlock()
	}
	sink = n
}

// BenchmarkRWMutexRead is one RLock and RUnlock.
func BenchmarkRWMutexRead(b *testing.B) {
	var mu sync.RWMutex
	n := int64(0)
	for i := 0; i < b.N; i++ {
		mu.RLock()
		n++
		mu.RUnlock()
	}
	sink = n
}

// BenchmarkWaitGroup is an Add, a Done and a Wait that finds the counter at zero.
func BenchmarkWaitGroup(b *testing.B) {
	var wg sync.WaitGroup
	for i := 0; i < b.N; i++ {
		wg.Add(1)
		wg.Done()
		wg.Wait()
	}
}

// BenchmarkOnceDone is a Do after the first.
func BenchmarkOnceDone(b *testing.B) {
	var once sync.Once
	n := int64(0)
	for i := 0; i < b.N; i++ {
		once.Do(func() { n++ })
	}
	sink = n
}

// BenchmarkAtomicAddInt64 is one atomic add.
func BenchmarkAtomicAddInt64(b *testing.B) {
	var n int64
	for i := 0; i < b.N; i++ {
		atomic.AddInt64(&n, 1)
	}
	sink = n
}
