// errorcheck

// A select case is a send or a receive, alone or assigned; one default at most.
// break leaves the select; variables declared in a case are local to it.

package main

func f() int { return 0 }

func main() {
	var c chan int
	var r <-chan int
	var s chan<- int
	var x int
	var i interface{}
	select {
	case x = <-c:
	case v, ok := <-r:
		_, _ = v, ok
	case i = <-c:
	case x, i = <-c:
	case (<-c):
	case s <- x:
	case <-s: // ERROR "invalid operation: cannot receive from send-only channel s \(variable of type chan<- int\)"
	case r <- 1: // ERROR "invalid operation: cannot send to receive-only channel r \(variable of type <-chan int\)"
	case f(): // ERROR "select case must be send or receive \(possibly with assignment\)"
	case x = f(): // ERROR "select case must be send or receive \(possibly with assignment\)"
	case x := <-c + 1: // ERROR "select case must be send or receive \(possibly with assignment\)"
	case y := <-c:
		if y > 0 {
			break
		}
		x = y
	default:
	default: // ERROR "multiple defaults \(first at .*selecterrs.go:34:2\)"
	}
	select {
	case v := <-c:
		_ = v
	}
	_ = v // ERROR "undefined: v"
	_ = i
	select {}
}
