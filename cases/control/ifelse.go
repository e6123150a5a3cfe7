// run

package main

func sign(x int) string {
	if x < 0 {
		return "neg"
	} else if x == 0 {
		return "zero"
	} else {
		return "pos"
	}
}

func main() {
	println(sign(-5), sign(0), sign(9))
	for i := 0; i < 4; i++ {
		if i%2 == 0 {
			println(i, "even")
		} else {
			println(i, "odd")
		}
	}
}
