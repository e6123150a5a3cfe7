// run

package main

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(f func(int) int, x int) int {
	return f(x)
}

func main() {
	c := counter()
	println(c(), c(), c())
	d := counter()
	println(d(), c())
	k := 3
	println(apply(func(x int) int { return x * k }, 5))
	sq := func(x int) int { return x * x }
	println(apply(sq, 9))
}
