// run

package main

func add3(a, b, c int) int {
	return a + b + c
}

func greet(name string, times int) {
	for i := 0; i < times; i++ {
		println("hi", name)
	}
}

func mutate(x int) int {
	x *= 10
	return x
}

func main() {
	println(add3(1, 2, 3))
	greet("gopher", 2)
	v := 4
	println(mutate(v), v)
}
