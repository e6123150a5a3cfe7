// errorcheckwithauto -0 -l -live

// gc's liveness runs after dead code is gone: a copy into a variable that is
// overwritten before it is read reads nothing. A receive's buffer is read after the
// call only where the received value is used, so it is live across that call only.

package main

var ch chan *byte
var b bool

//go:noescape
func use(*byte)

func recvs() {
	var z *byte
	if b {
		z = <-ch // ERROR "stack object .autotmp_[0-9]+ \*byte$"
	}
	z = <-ch
	z = <-ch // ERROR "live at call to chanrecv1: .autotmp_[0-9]+$"
	use(z)
}

func copies(p, q *byte) { // ERROR "live at entry to copies: q$"
	x := p
	x = q
	use(x)
}

func main() {
	recvs()
	copies(nil, nil)
}
