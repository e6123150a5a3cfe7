// run

// Request/response: each request carries its own reply channel, a server
// goroutine answers on it; channels of channels of every direction.

package main

type request struct {
	n     int
	reply chan<- int
}

func server(reqs <-chan request) {
	for r := range reqs {
		r.reply <- r.n * 10
	}
}

func main() {
	reqs := make(chan request)
	go server(reqs)
	for i := 1; i <= 3; i++ {
		reply := make(chan int)
		reqs <- request{i, reply}
		println(<-reply)
	}
	close(reqs)
	cc := make(chan chan int, 1)
	inner := make(chan int, 1)
	cc <- inner
	(<-cc) <- 42
	println(<-inner)
	var ro chan (<-chan int) = make(chan (<-chan int), 1)
	ro <- inner
	inner <- 7
	println(<-<-ro)
}
