// run

// A deferred call that recovers and then recurses deeply grows the stack while the
// panic is running it: resuming the recovered frame must use the moved stack.

package main

func deep(n int) int {
	var pad [16]int
	pad[n%16] = 1
	if n == 0 {
		return pad[0]
	}
	return deep(n-1) + pad[n%16]
}

func f() (r int) {
	defer func() {
		if e := recover(); e != nil {
			r = e.(int) + deep(3000)
		}
	}()
	panic(7)
}

func main() {
	for i := 0; i < 3; i++ {
		println(f())
		println(deep(2000))
	}
}
