// run

package main

var a = b + 1
var b = f()
var c int

func f() int {
	println("f called")
	return 41
}

func init() {
	c = a * 2
	println("init", a, b, c)
}

func main() {
	println("main", c)
}
