// run

// select with default never blocks: a send to a full or unbuffered channel with
// no receiver, or a receive from an empty one, takes the default case.

package main

func trysend(c chan int, v int) bool {
	select {
	case c <- v:
		return true
	default:
		return false
	}
}

func tryrecv(c chan int) (int, bool) {
	select {
	case v := <-c:
		return v, true
	default:
		return -1, false
	}
}

func main() {
	c := make(chan int, 2)
	println(trysend(c, 1), trysend(c, 2), trysend(c, 3))
	v, ok := tryrecv(c)
	println(v, ok)
	v, ok = tryrecv(c)
	println(v, ok)
	v, ok = tryrecv(c)
	println(v, ok)
	u := make(chan int)
	println(trysend(u, 1))
	var n chan int
	println(trysend(n, 1))
	v, ok = tryrecv(n)
	println(v, ok)
	x := 0
	d := make(chan int, 1)
	select {
	case d <- 7:
		x = 1
	case v := <-c:
		x = v
	default:
		x = 2
	}
	println(x, <-d)
	select {
	default:
		println("empty select with default")
	}
}
