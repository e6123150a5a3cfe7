// run

// Timer Stop and Reset results as gc reports them: pending, fired, stopped,
// reset after a drain; AfterFunc callbacks run in their own goroutines in
// deadline order; Ticker.Reset changes the period.

package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	fmt.Println(t.Stop(), t.Stop())            // true false
	fmt.Println(t.Reset(time.Millisecond))     // false: it was stopped
	<-t.C                                      // fires once
	fmt.Println(t.Stop())                      // false: already fired
	fmt.Println(t.Reset(time.Hour))            // false
	fmt.Println(t.Reset(2 * time.Millisecond)) // true: it was pending
	<-t.C

	// Stop, then drain if it had fired, then Reset: the documented pattern.
	t.Reset(time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	if !t.Stop() {
		<-t.C
		fmt.Println("drained")
	}
	t.Reset(time.Millisecond)
	<-t.C
	fmt.Println("fired after reset")

	order := make(chan int, 4)
	for _, ms := range []int{40, 10, 30, 20} {
		ms := ms
		time.AfterFunc(time.Duration(ms)*time.Millisecond, func() { order <- ms })
	}
	cancel := time.AfterFunc(5*time.Millisecond, func() { order <- -1 })
	fmt.Println("cancelled", cancel.Stop())
	for i := 0; i < 4; i++ {
		fmt.Print(<-order, " ")
	}
	fmt.Println()

	tk := time.NewTicker(time.Hour)
	tk.Reset(time.Millisecond)
	for i := 0; i < 3; i++ {
		<-tk.C
	}
	tk.Stop()
	fmt.Println("three ticks after Reset")
}
