// run

// Method expressions that need a wrapper: (*T).M of a value method, methods promoted
// through embedded values and pointers, interface method expressions (named and
// literal), and methods of unnamed struct types (also through an interface).

package main

type T struct{ a, b int }

func (t T) Sum(x int) int  { return t.a + t.b + x }
func (t *T) Scale(k int)   { t.a *= k; t.b *= k }
func (t T) String() string { return "T" }

type Outer struct {
	T
	name string
}

type PtrOuter struct{ *T }

type Summer interface{ Sum(int) int }

func apply(f func(*T, int) int, p *T) int { return f(p, 1) }

func main() {
	t := T{1, 2}
	println((*T).Sum(&t, 10), apply((*T).Sum, &t))
	(*T).Scale(&t, 3)
	println(t.a, t.b)

	o := Outer{T{4, 5}, "o"}
	println(Outer.Sum(o, 0), (*Outer).Sum(&o, 1), Outer.String(o))
	(*Outer).Scale(&o, 2)
	println(o.a, o.b)

	po := PtrOuter{&T{7, 8}}
	println(PtrOuter.Sum(po, 0))
	PtrOuter.Scale(po, 10)
	println(po.a, po.b)

	var s Summer = t
	f := Summer.Sum
	println(f(s, 100), Summer.Sum(&o, 0))
	println(interface{ Sum(int) int }.Sum(po, 1))

	g := struct{ T }.Sum
	println(g(struct{ T }{T{20, 30}}, 0))
	var u struct{ T }
	u.a = 9
	s = &u
	println(s.Sum(0), (*struct{ T }).Sum(&u, 1))
}
