// run

// A select loop merges two channels until both are closed, disabling each closed
// one by setting it to nil (a nil channel's case is never chosen).

package main

func count(from, to int) chan int {
	c := make(chan int)
	go func() {
		for i := from; i < to; i++ {
			c <- i
		}
		close(c)
	}()
	return c
}

func main() {
	a, b := count(0, 50), count(100, 130)
	na, nb, sa, sb := 0, 0, 0, 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			na++
			sa += v
		case v, ok := <-b:
			if !ok {
				b = nil
				break
			}
			nb++
			sb += v
		}
	}
	println(na, sa, nb, sb)
}
