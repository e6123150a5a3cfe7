// run

package main

func add(a, b int) int { return a + b }
func sub(a, b int) int { return a - b }

func pick(op string) func(int, int) int {
	if op == "+" {
		return add
	}
	return sub
}

func main() {
	println(pick("+")(3, 4), pick("-")(3, 4))
	var f func(int, int) int
	println(f == nil)
	f = add
	println(f(1, 1), f != nil)
}
