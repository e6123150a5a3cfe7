// run

package main

const (
	A = iota
	B
	C
	D = "str"
	E = 1 << 40
)

const big = 1 << 100

func main() {
	println(A, B, C, D, E)
	println(big >> 98)
	const local = 3 * 7
	println(local, local/2, -local%4)
}
