// run

package main

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func named(x int) (y, z int) {
	y = x * 2
	z = x * 3
	return
}

func swap(a, b string) (string, string) {
	return b, a
}

func main() {
	q, r := divmod(17, 5)
	println(q, r)
	y, z := named(4)
	println(y, z)
	a, b := swap("x", "y")
	println(a, b)
	_, r2 := divmod(9, 4)
	println(r2)
}
