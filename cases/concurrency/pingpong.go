// run

// Two goroutines hand a counter back and forth over unbuffered channels; each
// handoff is a rendezvous, so the output order is fixed.

package main

func player(name string, in <-chan int, out chan<- int, done chan<- bool) {
	for {
		n, ok := <-in
		if !ok {
			done <- true
			return
		}
		println(name, n)
		if n == 6 {
			close(out)
			done <- true
			return
		}
		out <- n + 1
	}
}

func main() {
	ping, pong := make(chan int), make(chan int)
	done := make(chan bool)
	go player("ping", ping, pong, done)
	go player("pong", pong, ping, done)
	ping <- 1
	<-done
	<-done
	println("over")
}
