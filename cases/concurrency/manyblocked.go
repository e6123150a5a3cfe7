// run

// 100,000 goroutines block at once on one channel, then are released one by one
// through a chain; each adds its number to a running total.

package main

func main() {
	const n = 100000
	start := make(chan bool)
	first := make(chan int)
	in := first
	for i := 0; i < n; i++ {
		out := make(chan int)
		go func(i int, in <-chan int, out chan<- int) {
			<-start
			v := <-in
			out <- v + i
		}(i, in, out)
		in = out
	}
	close(start)
	first <- 0
	println(<-in)
}
