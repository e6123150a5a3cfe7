// run

package main

func main() {
	b := []byte("hello")
	b[0] = 'H'
	println(string(b), string(b[1:3]))
	x := 10
	px := &x
	pp := &px
	**pp = 20
	println(x)
	arr := [...]string{"a", "b", "c"}
	for i := range arr {
		arr[i] += "!"
	}
	println(arr[0], arr[2], len(arr))
	type local struct{ v int }
	l := local{3}
	println(l.v)
	l.v++
	println(l.v)
	s := "abc"
	r := []byte{}
	for i := len(s) - 1; i >= 0; i-- {
		r = append(r, s[i])
	}
	println(string(r))
}
