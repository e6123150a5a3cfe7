// run

// Rate limiting with tickers: requests wait for a tick each; a bursty limiter
// is a buffered channel of tokens, filled up front and refilled by a ticker, so
// the first three requests pass at once and the rest at the ticker's pace.
// Only the order of events and lower bounds on elapsed time are printed.

package main

import (
	"fmt"
	"time"
)

func main() {
	requests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		requests <- i
	}
	close(requests)
	start := time.Now()
	limiter := time.Tick(2 * time.Millisecond)
	for req := range requests {
		<-limiter
		fmt.Println("request", req)
	}
	// Five distinct ticks were taken; the fifth fired 10ms after the ticker started.
	fmt.Println("paced:", time.Since(start) >= 10*time.Millisecond)

	bursty := make(chan time.Time, 3)
	for i := 0; i < 3; i++ {
		bursty <- time.Now()
	}
	start = time.Now()
	refill := time.NewTicker(50 * time.Millisecond)
	defer refill.Stop()
	go func() {
		for t := range refill.C {
			bursty <- t
		}
	}()
	for req := 1; req <= 5; req++ {
		<-bursty
		fmt.Println("bursty request", req, "waited:", time.Since(start) >= 50*time.Millisecond)
	}
}
