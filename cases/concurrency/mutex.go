// run

// A counter protected by a sync.Mutex: 50 goroutines each add 1000 times, and
// a WaitGroup waits for them all; the total is exact however they interleave.

package main

import "sync"

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) add(key string, d int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[key] += d
}

func main() {
	c := counter{n: make(map[string]int)}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				c.add("total", 1)
				if j%2 == 0 {
					c.add("even", 1)
				}
			}
			c.add("goroutines", 1)
		}(i)
	}
	wg.Wait()
	println(c.n["total"], c.n["even"], c.n["goroutines"])
}
