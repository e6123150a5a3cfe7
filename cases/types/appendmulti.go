// run

// append(f()) spreads f's results: the first is the slice, the rest its new
// elements; f is called once.

package main

var calls int

func f() ([]interface{}, *int) {
	calls++
	x := 7
	return []interface{}{"a"}, &x
}

func g() ([]int, int, int) {
	calls++
	return []int{1}, 2, 3
}

func h() []int {
	calls++
	return []int{9}
}

func main() {
	s := append(f())
	println(len(s), s[0].(string), *s[1].(*int))
	t := append(g())
	println(len(t), t[0], t[1], t[2])
	u := append(h())
	println(len(u), u[0], calls)
}
