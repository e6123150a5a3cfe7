// run

package main

func main() {
	x, y := 3, 7
	println(x < y, x <= y, x > y, x >= y, x == y, x != y)
	s, t := "abc", "abd"
	println(s < t, s == t, s != t, s > t, s+"" == "abc")
	println(true == false, !true, !(x < y))
}
