// errorcheck

// make, len and cap of channels.

package main

func main() {
	var r <-chan int
	_ = make(chan int)
	_ = make(chan int, 10)
	_ = make(<-chan string, 1)
	_ = make(chan int, 1, 2)  // ERROR "invalid operation: make\(chan int, 1, 2\) expects 1 or 2 arguments; found 3"
	_ = make(chan int, -1)    // ERROR "invalid argument: index -1 \(constant of type int\) must not be negative"
	_ = make(chan int, "a")   // ERROR "cannot convert .a. \(untyped string constant\) to int"
	_ = make(chan int, 1.5)   // ERROR "1.5 \(untyped float constant\) truncated to int"
	_ = len(r) + cap(r)
	const n = len(make(chan int)) // ERROR "len\(make\(chan int\)\) \(value of type int\) is not constant"
	_ = n
}
