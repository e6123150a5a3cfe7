// run

package main

var counter int
var name = "refgo"
var a, b = 1, 2

func bump() {
	counter++
}

func main() {
	bump()
	bump()
	println(counter, name, a, b)
	a, b = b, a
	println(a, b)
}
