// run

// sync.WaitGroup joins goroutines that write their results into their own
// slots; sync.Once runs its function exactly once however many goroutines call
// it; an RWMutex lets readers in together and writers alone.

package main

import "sync"

func main() {
	var wg sync.WaitGroup
	squares := make([]int, 20)
	for i := range squares {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			squares[i] = i * i
		}(i)
	}
	wg.Wait()
	sum := 0
	for _, s := range squares {
		sum += s
	}
	println("sum of squares", sum)

	var once sync.Once
	calls := 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { calls++ })
		}()
	}
	wg.Wait()
	println("once ran", calls)

	var rw sync.RWMutex
	m := map[int]int{}
	for i := 0; i < 8; i++ {
		wg.Add(2)
		go func(i int) {
			defer wg.Done()
			rw.Lock()
			m[i] = i * 10
			rw.Unlock()
		}(i)
		go func(i int) {
			defer wg.Done()
			rw.RLock()
			_ = m[i]
			rw.RUnlock()
		}(i)
	}
	wg.Wait()
	total := 0
	for _, v := range m {
		total += v
	}
	println("map", len(m), total)
}
