// run

package main

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func join(sep string, parts ...string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += sep
		}
		out += p
	}
	return out
}

func count(xs ...interface{}) int {
	return len(xs)
}

func main() {
	println(sum(), sum(1, 2, 3), sum([]int{4, 5}...))
	println(join(", ", "a", "b", "c"), join("-"))
	println(count(1, "two", 3.0, nil))
}
