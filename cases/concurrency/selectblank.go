// run

// Select receive cases whose targets are blank, parenthesized or both: each
// receives (or sends) exactly once, whichever case runs.

package main

import "fmt"

func main() {
	c := make(chan bool, 1)
	var v, ok bool
	for i := 0; i < 4; i++ {
		c <- i%2 == 0
		select {
		case _, _ = (<-c):
			fmt.Println("blank pair")
		}
		c <- true
		select {
		case _ = (<-c):
			fmt.Println("blank value")
		}
		c <- i == 3
		select {
		case v, _ = <-c:
			fmt.Println("value", v)
		}
		c <- false
		select {
		case _, ok = <-c:
			fmt.Println("ok", ok)
		}
	}
	close(c)
	select {
	case _, ok = <-c:
		fmt.Println("closed ok", ok)
	}
}
