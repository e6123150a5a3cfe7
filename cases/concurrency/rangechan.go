// errorcheck

// range over a channel receives values until it is closed: one iteration
// variable, and never over a send-only channel.

package main

func main() {
	var c chan int
	var s chan<- int
	var r <-chan string
	for v := range s { // ERROR "cannot range over s \(variable of type chan<- int\) \(receive from send-only channel\)"
		_ = v
	}
	for i, v := range c { // ERROR "range over c \(variable of type chan int\) permits only one iteration variable"
		_, _ = i, v
	}
	for v := range r {
		var n int = v // ERROR "cannot use v \(variable of type string\) as type int in variable declaration"
		_ = n
	}
	var x int
	for x = range c {
	}
	for range c {
	}
	for range nil { // ERROR "cannot range over nil"
	}
	_ = x
}
