// run

package main

type P struct{ x, y int }

func main() {
	a := []int{1, 2, 3}
	a[0], a[2] = a[2], a[0]
	println(a[0], a[1], a[2])
	i := 0
	i, a[i] = 1, 9
	println(i, a[0], a[1])
	p := P{1, 2}
	p.x, p.y = p.y, p.x
	println(p.x, p.y)
	arr := [3]string{"a", "b", "c"}
	arr[0], arr[1], arr[2] = arr[2], arr[0], arr[1]
	println(arr[0], arr[1], arr[2])
	q := &p
	q.x, p.y = p.y+10, q.x+10
	println(p.x, p.y)
	s := "hi"
	t := s
	s += "!"
	println(s, t)
	m := map[string]int{"a": 1}
	m["a"], m["b"] = m["b"], m["a"]
	println(m["a"], m["b"])
	x, y := 1, 2
	x, y = y, x+y
	println(x, y)
}
