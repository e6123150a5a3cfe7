// run

// A select receive case that drops the value and keeps ok (`_, ok := <-c`), or keeps
// the value under a new name and assigns ok to an existing variable: each case must
// stay in the select, so the sender finds the waiting receiver.

package main

import "fmt"

func main() {
	quit := make(chan bool)
	r := make(chan int)
	done := make(chan string)
	go func() {
		n := 0
		for {
			select {
			case <-quit:
				done <- fmt.Sprint("quit after ", n)
				return
			case _, ok := <-r:
				if !ok {
					done <- fmt.Sprint("closed after ", n)
					return
				}
				n++
			}
		}
	}()
	for i := 0; i < 3; i++ {
		select {
		case r <- i:
		case <-done:
			fmt.Println("receiver left early")
		}
	}
	close(r)
	fmt.Println(<-done)

	var ok bool
	c := make(chan int, 1)
	c <- 7
	select {
	case v, ok2 := <-c:
		ok = ok2
		fmt.Println(v, ok)
	case <-quit:
	}
	close(c)
	select {
	case _, ok = <-c:
		fmt.Println("closed:", !ok)
	case <-quit:
	}
}
