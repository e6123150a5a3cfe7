// run

package main

func repeat(s string, n int) string {
	r := ""
	for i := 0; i < n; i++ {
		r += s
	}
	return r
}

func reverse(s string) string {
	r := ""
	for i := len(s) - 1; i >= 0; i-- {
		r += s[i : i+1]
	}
	return r
}

func main() {
	println(repeat("ab", 3))
	println(reverse("hello"))
	println(reverse(""), len(repeat("x", 100)))
}
