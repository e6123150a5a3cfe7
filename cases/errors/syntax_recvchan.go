// errorcheck

// A receive arrow before a channel type binds to the innermost send-only
// channel; where no channel is left for it, that is a syntax error.

package main

func main() {
	<-chan<-float64 // ERROR "syntax error: unexpected float64, expecting chan"
	<-<-chan bool   // ERROR "syntax error: unexpected <-, expecting chan"
}
