// run

package main

type Shape interface {
	Area() int
	Name() string
}

type Sq struct{ s int }
type Rect struct{ w, h int }

func (q Sq) Area() int      { return q.s * q.s }
func (q Sq) Name() string   { return "square" }
func (r *Rect) Area() int   { return r.w * r.h }
func (r *Rect) Name() string { return "rect" }

func describe(s Shape) {
	println(s.Name(), s.Area())
}

func main() {
	describe(Sq{3})
	describe(&Rect{2, 5})
	shapes := []Shape{Sq{1}, &Rect{3, 3}, Sq{4}}
	total := 0
	for _, s := range shapes {
		total += s.Area()
	}
	println(total)
	var s Shape
	println(s == nil)
}
