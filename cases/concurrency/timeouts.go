// run

// select with timeouts: a slow worker loses to time.After, a fast one wins, a
// stopped Timer never fires, and a for-select loop with a Ticker gives up after
// a deadline. Only the order of events is printed, never a time.

package main

import (
	"fmt"
	"time"
)

func worker(d time.Duration, v int) <-chan int {
	c := make(chan int, 1)
	go func() {
		time.Sleep(d)
		c <- v
	}()
	return c
}

func await(c <-chan int, limit time.Duration) {
	select {
	case v := <-c:
		fmt.Println("result", v)
	case <-time.After(limit):
		fmt.Println("timed out")
	}
}

func main() {
	await(worker(time.Millisecond, 1), 500*time.Millisecond)
	await(worker(500*time.Millisecond, 2), time.Millisecond)

	t := time.NewTimer(time.Millisecond)
	fmt.Println("stopped", t.Stop())
	select {
	case <-t.C:
		fmt.Println("stopped timer fired")
	case <-time.After(20 * time.Millisecond):
		fmt.Println("stopped timer stays quiet")
	}

	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	deadline := time.After(30 * time.Millisecond)
	ticks := 0
	for {
		select {
		case <-tick.C:
			ticks++
			continue
		case <-deadline:
		}
		break
	}
	fmt.Println("ticked", ticks > 1)

	// A nil channel's case never fires; the timeout does.
	var never chan int
	select {
	case <-never:
		fmt.Println("nil channel")
	case <-time.After(time.Millisecond):
		fmt.Println("nil channel blocks, timeout fires")
	}
}
