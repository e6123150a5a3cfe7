// run

package main

func main() {
	s := "héllo, 世界"
	n := 0
	for i, r := range s {
		print(i, ":", r, " ")
		n++
	}
	println()
	println(n, len(s))
	println(string(rune(19990)), string([]rune(s)[1]))
	rs := []rune("ab")
	println(len(rs), rs[1])
}
