// run

// A worker pool: jobs go out on one buffered channel, each result comes back
// with its job's index and lands in its own slot, so the printed order does not
// depend on scheduling.

package main

type result struct {
	idx int
	val string
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func worker(id int, jobs <-chan int, results chan<- result) {
	for j := range jobs {
		v := fib(j)
		s := ""
		for v > 0 {
			s = string(rune('0'+v%10)) + s
			v /= 10
		}
		if s == "" {
			s = "0"
		}
		results <- result{j, s}
	}
}

func main() {
	const n = 25
	jobs := make(chan int, n)
	results := make(chan result)
	for w := 0; w < 4; w++ {
		go worker(w, jobs, results)
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	slots := make([]string, n)
	for i := 0; i < n; i++ {
		r := <-results
		slots[r.idx] = r.val
	}
	for i, s := range slots {
		println(i, s)
	}
}
