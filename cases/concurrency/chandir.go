// errorcheck

// A channel's direction limits what may be done with it: no send on a
// receive-only channel, no receive from a send-only one, no close of a
// receive-only one; and only channels support any of it (nil included).

package main

func main() {
	var c chan int
	var r <-chan int
	var s chan<- int
	var x int
	r <- 1 // ERROR "invalid operation: cannot send to receive-only channel r \(variable of type <-chan int\)"
	<-s    // ERROR "invalid operation: cannot receive from send-only channel s \(variable of type chan<- int\)"
	x <- 1 // ERROR "invalid operation: cannot send to non-channel x \(variable of type int\)"
	<-x    // ERROR "invalid operation: cannot receive from non-channel x \(variable of type int\)"
	close(r) // ERROR "invalid operation: cannot close receive-only channel r \(variable of type <-chan int\)"
	close(x) // ERROR "invalid operation: cannot close non-channel x \(variable of type int\)"
	close(nil) // ERROR "invalid operation: cannot close non-channel nil"
	nil <- 1   // ERROR "invalid operation: cannot send to non-channel nil"
	<-nil      // ERROR "invalid operation: cannot receive from non-channel nil"
	v, ok := <-s // ERROR "invalid operation: cannot receive from send-only channel s \(variable of type chan<- int\)"
	s <- "a"     // ERROR "cannot use .a. \(untyped string constant\) as int value in send"
	c <- 1
	s <- 2
	close(c)
	close(s)
	_ = <-r + <-c
	_ = -c // ERROR "invalid operation: operator - not defined on c \(variable of type chan int\)"
	_, _ = v, ok
}
