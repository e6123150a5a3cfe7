// run

package main

type Stringer interface {
	String() string
}

type Named interface {
	Stringer
	Name() string
}

type T struct{ n string }

func (t T) String() string { return "T(" + t.n + ")" }
func (t T) Name() string   { return t.n }

func show(s Stringer) {
	println(s.String())
}

func main() {
	var n Named = T{"x"}
	show(n)
	var e interface{} = n
	if s, ok := e.(Stringer); ok {
		println("stringer", s.String())
	}
	_, ok := e.(interface{ Missing() })
	println(ok)
	var s Stringer = n
	println(s.String())
}
