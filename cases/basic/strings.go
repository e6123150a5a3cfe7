// run

package main

func main() {
	s := "hello"
	t := s + ", " + "world"
	println(t, len(t))
	println(s[0], s[4], len(""))
	u := ""
	for i := 0; i < 3; i++ {
		u += "ab"
	}
	println(u)
	println(t[7:], t[:5], t[2:4])
}
