// run

package main

func main() {
	x := 10
	x += 5
	println(x)
	x -= 3
	println(x)
	x *= 4
	println(x)
	x /= 5
	println(x)
	x %= 4
	println(x)
	x <<= 4
	println(x)
	x >>= 2
	println(x)
	x |= 1
	x &= 7
	x ^= 2
	println(x)
	x++
	x++
	x--
	println(x)
}
