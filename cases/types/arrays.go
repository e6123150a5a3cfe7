// run

package main

func main() {
	var a [5]int
	for i := 0; i < 5; i++ {
		a[i] = i * 10
	}
	b := a
	b[0] = 7
	println(a[0], b[0], len(a))
	m := [3][2]int{{1, 2}, {3, 4}, {5, 6}}
	t := 0
	for _, row := range m {
		for _, v := range row {
			t += v
		}
	}
	println(t)
	s := a[1:4]
	println(len(s), cap(s), s[0])
	println(a == b, [2]string{"a", "b"} == [2]string{"a", "b"})
}
