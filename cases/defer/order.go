// run

package main

func g() {
	for i := 0; i < 3; i++ {
		defer println("deferred", i)
	}
	println("g body")
}

type T struct{ v int }

func (t *T) Close() { println("close", t.v) }

func main() {
	g()
	t := &T{3}
	defer t.Close()
	t.v = 4
	x := 1
	defer println("x was", x)
	x = 2
	println("main body", x)
}
