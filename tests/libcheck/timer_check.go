// Command timer_check checks Timer, Ticker, After, AfterFunc and Tick: Stop and
// Reset results, what the channels deliver, and the misuse panics.
package main

import (
	"fmt"
	"time"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name, "recovered:", recover()) }()
	f()
}

func main() {
	start := time.Now()
	<-time.After(5 * time.Millisecond)
	fmt.Println("after", time.Since(start) >= 5*time.Millisecond)

	t := time.NewTimer(time.Hour)
	fmt.Println("stop pending", t.Stop(), "stop again", t.Stop())
	fmt.Println("reset stopped", t.Reset(2*time.Millisecond))
	v := <-t.C
	fmt.Println("fired", !v.Before(start), "stop fired", t.Stop(), "reset fired", t.Reset(time.Hour))
	fmt.Println("reset pending", t.Reset(time.Millisecond))
	<-t.C
	select {
	case <-t.C:
		fmt.Println("second value")
	default:
		fmt.Println("one value per expiry")
	}

	z := time.NewTimer(-time.Second)
	<-z.C
	fmt.Println("negative duration fires at once")

	// An expired timer whose channel is not drained keeps one value.
	s := time.NewTimer(time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	fmt.Println("stop unread", s.Stop(), len(s.C), cap(s.C))
	s.Reset(time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	fmt.Println("buffer stays full", len(s.C))

	done := make(chan string, 3)
	time.AfterFunc(30*time.Millisecond, func() { done <- "late" })
	time.AfterFunc(time.Millisecond, func() { done <- "early" })
	stopped := time.AfterFunc(time.Millisecond, func() { done <- "stopped" })
	fmt.Println("afterfunc stop", stopped.Stop(), stopped.C == nil)
	fmt.Println(<-done, <-done)

	tk := time.NewTicker(2 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			break
		}
	}
	tk.Reset(time.Millisecond)
	<-tk.C
	tk.Stop()
	time.Sleep(5 * time.Millisecond)
	select {
	case <-tk.C:
	default:
	}
	select {
	case <-tk.C:
		fmt.Println("tick after stop")
	case <-time.After(10 * time.Millisecond):
		fmt.Println("ticks", n, "then none after Stop")
	}

	c := time.Tick(time.Millisecond)
	<-c
	<-c
	fmt.Println("tick", time.Tick(0) == nil, time.Tick(-1) == nil)

	try("NewTicker(0)", func() { time.NewTicker(0) })
	try("Ticker.Reset(-1)", func() { time.NewTicker(time.Hour).Reset(-1) })
	try("Timer.Stop", func() { new(time.Timer).Stop() })
	try("Timer.Reset", func() { new(time.Timer).Reset(1) })
	try("Ticker.Reset", func() { new(time.Ticker).Reset(1) })
}
