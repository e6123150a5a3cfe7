// run

package main

func f() (n int) {
	defer func() {
		n *= 2
	}()
	n = 5
	return n + 1
}

func g() (s string, err int) {
	defer func() {
		if err != 0 {
			s = "failed"
		}
	}()
	return "ok", 3
}

func main() {
	println(f())
	s, e := g()
	println(s, e)
}
