// errorcheck

package main

// gc's words for malformed statement headers and types.

var c chan int

func f1() {
	if c <- 1 { // ERROR "syntax error: cannot use c <- 1 as value"
	}
}

func f2() {
	if var x = 0; x < 10 {} // ERROR "syntax error: var declaration not allowed in if initializer"
}

func f3(x []int) {
	for var i = 0; i < len(x); i++ {} // ERROR "syntax error: var declaration not allowed in for initializer"
}

func f4(y chan) { // ERROR "syntax error: missing channel element type"
}

func main() {
}
