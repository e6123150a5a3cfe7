// run

package main

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Name     string
}

func area(r Rect) int {
	return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y)
}

func main() {
	p := Point{1, 2}
	q := Point{Y: 5}
	println(p.X, p.Y, q.X, q.Y)
	r := Rect{Point{0, 0}, Point{3, 4}, "r"}
	println(area(r), r.Name)
	r2 := r
	r2.Max.X = 10
	println(r.Max.X, r2.Max.X, p == Point{1, 2}, p != q)
}
