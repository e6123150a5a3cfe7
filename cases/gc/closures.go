// run

package main

// Closures capture heap-moved variables; only a rotating set of them stays reachable,
// held in a slice of funcs and in a map.

func counter(start int) (func() int, func(int)) {
	n := start
	buf := make([]int, 16)
	get := func() int {
		buf[n%16]++
		return n + buf[n%16]
	}
	add := func(d int) { n += d }
	return get, add
}

func main() {
	gets := make([]func() int, 8)
	adds := map[int]func(int){}
	for i := 0; i < 8; i++ {
		gets[i], adds[i] = counter(i)
	}
	sum := 0
	for i := 0; i < 200000; i++ {
		g, a := counter(i)
		gets[i%8] = g
		adds[i%8] = a
		adds[(i+3)%8](1)
		sum += gets[(i+5)%8]()
	}
	for _, g := range gets {
		sum += g()
	}
	println(sum)
}
