// run

package main

func main() {
	print("a", 1, true, "\n")
	print()
	println()
	println("x", -9223372036854775808, 9223372036854775807)
	print(1, 2, "\n")
}
