// errorcheck

// A channel's element must be smaller than 64kB. gc checks it when it sizes
// the channel type: at the declaration that first needs it, or at the make
// or conversion.

package main

type big [1 << 16]byte

type holderOK struct {
	c chan [1<<16 - 1]byte
}

type holder struct { // ERROR "channel element type too large"
	c chan big
}

var h holder // ok: holder already reported

var m map[string]chan big // ERROR "channel element type too large \(>64kB\)"

var okc chan [65535]byte

func main() {
	var c chan struct{ a, b [40000]byte } // ERROR "channel element type too large"
	_ = c
	_ = make(chan [70000]int8) // ERROR "channel element type too large"
	_ = (chan big)(nil)        // ERROR "channel element type too large"
	_ = h
	_ = m
	_ = okc
	_ = holderOK{}
}
