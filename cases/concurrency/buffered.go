// run

// A buffered channel is a FIFO queue: len and cap report its state, sends do not
// block until it is full, and a nil channel has length and capacity 0.

package main

func main() {
	c := make(chan string, 4)
	println(len(c), cap(c))
	c <- "a"
	c <- "b"
	c <- "c"
	println(len(c), cap(c))
	println(<-c)
	c <- "d"
	c <- "e"
	println(len(c), cap(c))
	for len(c) > 0 {
		println(<-c)
	}
	var n chan int
	println(len(n), cap(n), n == nil)
	u := make(chan int)
	println(len(u), cap(u))
	big := make(chan [3]int, 2)
	big <- [3]int{1, 2, 3}
	big <- [3]int{4, 5, 6}
	a, b := <-big, <-big
	println(a[0]+a[1]+a[2], b[0]+b[1]+b[2])
}
