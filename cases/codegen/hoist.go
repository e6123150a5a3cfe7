// run

// Slices read in loops after calls (hoisted data pointers), element addresses folded
// into loads and stores, and the orders of evaluation those must keep.

package main

//go:noinline
func mk(n int) []int { return make([]int, n) }

type T struct{ s []int }

func main() {
	s := []int{1, 2, 3}
	t := []int{7, 8, 9}
	s, s[0] = t, 100 // s[0] of the old s
	println(s[0], s[1], t[0])
	u := []int{1, 2, 3, 4}
	i := 1
	i, u[i] = 3, 50 // u[1]
	println(i, u[0], u[1], u[2], u[3])
	u[i], i = 60, 0 // u[3]
	println(i, u[3])
	// loops after calls reading slices they do not write
	a, b, c := mk(8), mk(8), mk(8)
	for k := range a {
		a[k] = k
	}
	sum := 0
	for r := 0; r < 3; r++ {
		for k := 0; k < len(a); k++ {
			b[k] += a[k] * (r + 1)
			c[len(c)-1-k] = b[k]
		}
		for k := 1; k < len(a); k++ {
			a, b = b, a // the loop writes the slices: nothing hoisted
			sum += a[k] - b[k-1]
		}
	}
	println(sum, a[0], b[7], c[0], c[7])
	// a slice reassigned inside the loop
	w := mk(10)
	for j := range w {
		w[j] = j * j
	}
	tot := 0
	for len(w) > 0 {
		tot += w[0]
		w = w[1:]
	}
	println(tot)
	var x T
	x.s = mk(5)
	for j := 0; j < 5; j++ {
		x.s[j] = j
		if j == 3 {
			x.s = mk(5)
		}
	}
	println(x.s[0], x.s[4])
	// index written between address and use
	v := []int{10, 20, 30}
	k := 0
	v[k], k = k+5, 2
	println(v[0], v[2], k)
	p := &v
	for j := 0; j < 3; j++ {
		(*p)[j]++
		if j == 1 {
			*p = []int{1, 1, 1, 1}
		}
	}
	println(v[0], v[1], v[2], v[3])
	var arr [4]int16
	for j := range arr {
		arr[j] = int16(j * 3)
	}
	sl := arr[:]
	var z int16
	for j := len(sl) - 1; j >= 0; j-- {
		z = z*2 + sl[j]
	}
	println(z)
}
