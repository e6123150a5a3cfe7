// run

package main

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func main() {
	s := []int{1, 2, 3}
	s = append(s, 4, 5)
	println(len(s), sum(s))
	t := make([]int, 3, 10)
	println(len(t), cap(t))
	for i := range t {
		t[i] = i * i
	}
	println(t[0], t[1], t[2])
	u := s[1:3]
	u[0] = 99
	println(s[1], len(u), cap(u))
	var grow []int
	for i := 0; i < 100; i++ {
		grow = append(grow, i)
	}
	println(len(grow), sum(grow))
	n := copy(t, s)
	println(n, t[0], t[1], t[2])
	b := []byte("hey")
	b = append(b, "!!"...)
	println(string(b))
	var nilslice []int
	println(nilslice == nil, len(nilslice))
}
