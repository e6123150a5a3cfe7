// run

package main

func main() {
	a, b := 17, 5
	println(a+b, a-b, a*b, a/b, a%b)
	println(-a/b, -a%b, a/-b, a%-b)
	println(a&b, a|b, a^b, a&^b, a<<3, a>>1, -a>>1)
	println(^a, -a, +a)
}
