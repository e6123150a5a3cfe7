// run

// Fan-in: several producers feed one channel through a select loop; the consumer
// sums what arrives and counts the producers that have finished.

package main

func produce(id, n int, out chan<- int, done chan<- int) {
	for i := 0; i < n; i++ {
		out <- id*1000 + i
	}
	done <- id
}

func main() {
	out := make(chan int)
	done := make(chan int)
	const producers = 5
	for p := 1; p <= producers; p++ {
		go produce(p, 100*p, out, done)
	}
	sum, count, finished := 0, 0, 0
	seen := make(map[int]bool)
	for finished < producers {
		select {
		case v := <-out:
			sum += v
			count++
		case id := <-done:
			seen[id] = true
			finished++
		}
	}
	println("count", count, "sum", sum, "producers", len(seen))
}
