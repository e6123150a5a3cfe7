// run

package main

// Interface values kept in slices: boxed ints, strings, structs and pointers, and
// values of a non-empty interface whose methods run after many collections.

type shape interface {
	area() int
	name() string
}

type rect struct{ w, h int }
type square struct {
	side int
	tag  string
}
type circle struct{ r *int }

func (r rect) area() int      { return r.w * r.h }
func (r rect) name() string   { return "rect" }
func (s *square) area() int   { return s.side * s.side }
func (s *square) name() string { return s.tag }
func (c circle) area() int    { return 3 * *c.r * *c.r }
func (c circle) name() string { return "circle" }

func mk(i int) shape {
	switch i % 3 {
	case 0:
		return rect{i % 10, i % 7}
	case 1:
		return &square{i % 13, "sq" + string(rune('a'+i%26))}
	}
	r := i % 5
	return circle{&r}
}

func main() {
	shapes := make([]shape, 100)
	vals := make([]interface{}, 50)
	total := 0
	for i := 0; i < 1000000; i++ {
		shapes[i%100] = mk(i)
		switch i % 4 {
		case 0:
			vals[i%50] = i
		case 1:
			vals[i%50] = "s" + string(rune('A'+i%26))
		case 2:
			vals[i%50] = rect{i % 3, 2}
		case 3:
			x := i
			vals[i%50] = &x
		}
	}
	for _, s := range shapes {
		total += s.area() + len(s.name())
	}
	for _, v := range vals {
		switch x := v.(type) {
		case int:
			total += x
		case string:
			total += int(x[1])
		case rect:
			total += x.area()
		case *int:
			total += *x
		}
	}
	println(total)
}
