// run

package main

func main() {
	x := 1.5
	y := 2.25
	println(x+y, x-y, x*y, x/y)
	println(x < y, x == 1.5)
	var f32 float32 = 0.1
	println(f32, float64(f32) == 0.1)
	i := 7
	g := 3.99
	println(float64(i)/2, int(g), int(-g))
	println(1e100, 0.0, -2.5)
}
