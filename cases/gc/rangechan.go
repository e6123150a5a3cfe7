// run

// The receive buffer of a range over a channel is cleared once the loop variable
// has the value (gc's walkRange), so a value the body drops can be collected
// before the next receive.

package main

import "runtime"

type Big [1 << 10]int64

var fin [4]bool

func gc() {
	runtime.GC()
	runtime.GC()
	runtime.Gosched()
	runtime.GC()
}

func main() {
	c := make(chan *Big, 4)
	for i := 0; i < 4; i++ {
		b := new(Big)
		b[0] = int64(i)
		runtime.SetFinalizer(b, func(b *Big) { fin[b[0]] = true })
		c <- b
	}
	close(c)
	for x := range c {
		i := x[0]
		x = nil
		gc()
		println(i, fin[i])
	}
	d := make(chan []byte, 1)
	d <- make([]byte, 8<<20)
	close(d)
	var st runtime.MemStats
	for x := range d {
		n := len(x)
		x = nil
		gc()
		runtime.ReadMemStats(&st)
		println(n, st.HeapAlloc < 4<<20)
	}
}
