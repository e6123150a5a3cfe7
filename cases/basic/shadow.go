// run

package main

var x = 1

func main() {
	println(x)
	x := 2
	println(x)
	{
		x := 3
		println(x)
		x++
		println(x)
	}
	println(x)
	if x := 10; x > 5 {
		println(x)
	}
	println(x)
}
