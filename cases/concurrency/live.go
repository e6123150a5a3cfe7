// errorcheckwithauto -0 -l -live

// Liveness across channel operations, as in Go's test/live.go: the scase array of
// a select and the value buffers of sends and receives are stack objects; a
// select whose cases all return ends the function, and `select {}` never falls
// through, so nothing stays live for what follows them. A receive's buffer, when
// its type holds pointers, is a stack object listed live at chanrecv1/chanrecv2
// (the runtime writes it during the call); a pointer-free one is neither.

package main

var c chan *int
var b bool
var sink *int

func printint(int)

func f11a() *int {
	select { // ERROR "stack object .autotmp_[0-9]+ \[2\]struct \{ c unsafe.Pointer; elem unsafe.Pointer \}$"
	case <-c:
		return nil
	case <-c:
		return nil
	}
}

func f11c() *int {
	p := new(int)
	sink = p
	if b {
		printint(1) // ERROR "live at call to printint: p$"
		select {    // ERROR "live at call to selectgo: p$" "stack object .autotmp_[0-9]+ \[2\]struct"
		case <-c:
		case <-c:
		}
	}
	println(*p)
	return nil
}

func f12() *int {
	if b {
		select {}
	} else {
		return nil
	}
}

var ch chan *byte

func byteptr() *byte

func printbytepointer(*byte)

func f20() {
	ch <- byteptr() // ERROR "stack object .autotmp_[0-9]+ \*byte$"
}

func f22() {
	q := new(int)
	sink = q
	go printint(1) // ERROR "live at call to newproc: q$"
	select {
	case ch <- nil: // ERROR "live at call to selectnbsend: q$" "stack object .autotmp_[0-9]+ \*byte$"
	default:
	}
	println(q)     // ERROR "live at call to printlock: q$"
}

type pair struct{ a, b *int }

var cp chan pair
var ca chan [4]int

func f30() *int {
	return <-c // ERROR "stack object .autotmp_[0-9]+ \*int$" "live at call to chanrecv1: .autotmp_[0-9]+$"
}

func f31() (pair, bool) {
	v, ok := <-cp // ERROR "stack object .autotmp_[0-9]+ pair$" "live at call to chanrecv2: .autotmp_[0-9]+$"
	return v, ok
}

func f32() int {
	x := <-ca
	printint(x[1])
	return x[0]
}

func f33() {
	q := new(int)
	sink = q
	<-c        // ERROR "live at call to chanrecv1: q$"
	println(q) // ERROR "live at call to printlock: q$"
}

func main() {}
