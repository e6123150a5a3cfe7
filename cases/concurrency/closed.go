// run

// A closed channel: buffered values are still received, then every receive
// returns the zero value at once with ok false; range stops; a panic from a send
// or a second close is recovered here with gc's text.

package main

type pair struct {
	s string
	n int
}

func try(name string, f func()) {
	defer func() {
		println(name+":", recover().(error).Error())
	}()
	f()
}

func main() {
	c := make(chan pair, 3)
	c <- pair{"x", 1}
	c <- pair{"y", 2}
	close(c)
	v, ok := <-c
	println(v.s, v.n, ok, len(c))
	for p := range c {
		println("range", p.s, p.n)
	}
	v, ok = <-c
	println(v.s == "", v.n, ok)
	v = <-c
	println(v.n)
	try("send", func() { c <- pair{} })
	try("close", func() { close(c) })
	var nc chan int
	try("nil", func() { close(nc) })
	s := make(chan string)
	close(s)
	select {
	case x, ok := <-s:
		println("select", x == "", ok)
	}
}
