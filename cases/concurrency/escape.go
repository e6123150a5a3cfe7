// errorcheck -0 -m -l

// Escape analysis of channel operations and go statements: a value sent on a
// channel escapes (another goroutine may receive it), what a receive yields
// comes from the heap, and the function value and arguments of a go statement
// escape, since the goroutine may outlive the frame.

package main

type T struct{ a, b int }

func f(p *T) { println(p.a) } // ERROR "p does not escape$"

func sendPtr(c chan *T) { // ERROR "c does not escape$"
	t := T{1, 2} // ERROR "moved to heap: t$"
	c <- &t
}

func sendValue(c chan T, p *T) { // ERROR "c does not escape$" "p does not escape$"
	c <- *p
}

func sendIface(c chan interface{}, x int) { // ERROR "c does not escape$"
	c <- x // ERROR "x escapes to heap$"
}

func recvPtr(c chan *T) *T { // ERROR "c does not escape$"
	return <-c
}

func recvOk(c <-chan []int) int { // ERROR "c does not escape$"
	s, ok := <-c
	if !ok {
		return -1
	}
	return len(s)
}

func rangeOver(c chan *T) int { // ERROR "c does not escape$"
	n := 0
	for p := range c {
		n += p.a
	}
	return n
}

func goCall(x int) {
	t := &T{x, x} // ERROR "&T{...} escapes to heap$"
	go f(t)
}

func goClosure(x int) {
	y := x
	go func() { // ERROR "func literal escapes to heap$"
		println(y)
	}()
}

func goParam(c chan int) { // ERROR "leaking param: c$"
	go func(d chan int) { // ERROR "func literal escapes to heap$" "d does not escape$"
		d <- 1
	}(c)
}

func selectCases(c chan *T, d chan *T) { // ERROR "c does not escape$" "d does not escape$"
	select {
	case v := <-c:
		println(v.a)
	case d <- &T{}: // ERROR "&T{} escapes to heap$"
	default:
	}
	select {
	case c <- &T{1, 1}: // ERROR "&T{...} escapes to heap$"
	default:
	}
}

func closeLen(c chan int) int { // ERROR "c does not escape$"
	close(c)
	return len(c) + cap(c)
}

func makeChan() chan int {
	return make(chan int, 4)
}

func main() {
	c := make(chan *T, 1)
	sendPtr(c)
	_ = recvPtr(c)
	goCall(1)
	goClosure(2)
	d := make(chan T, 1)
	sendValue(d, &T{}) // ERROR "&T{} does not escape$"
	ci := make(chan interface{}, 1)
	sendIface(ci, 3)
	_ = makeChan()
}
