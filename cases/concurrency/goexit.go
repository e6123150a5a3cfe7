// run

// runtime.Goexit ends the calling goroutine after running its deferred calls;
// runtime.Gosched lets others run; NumGoroutine counts the live goroutines.

package main

import "runtime"

func worker(done chan<- string) {
	defer func() { done <- "deferred ran" }()
	defer println("first deferred")
	func() {
		runtime.Goexit()
	}()
	println("unreachable")
}

func main() {
	done := make(chan string)
	go worker(done)
	println(<-done)
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	block := make(chan bool)
	for i := 0; i < 5; i++ {
		go func() { <-block }()
	}
	runtime.Gosched()
	println("goroutines", runtime.NumGoroutine())
	close(block)
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	println("goroutines", runtime.NumGoroutine())
	turns := make(chan int, 10)
	go func() {
		for i := 0; i < 3; i++ {
			turns <- i
			runtime.Gosched()
		}
		close(turns)
	}()
	for t := range turns {
		println("turn", t)
	}
}
