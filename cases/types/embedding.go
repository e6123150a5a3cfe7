// run

package main

type Base struct {
	id int
}

func (b *Base) SetID(id int) { b.id = id }
func (b Base) ID() int       { return b.id }

type Named struct {
	*Base
	name string
}

type Wrapper struct {
	Named
	extra int
}

type IDer interface {
	ID() int
	SetID(int)
}

func main() {
	w := Wrapper{Named{&Base{1}, "n"}, 2}
	w.SetID(42)
	println(w.ID(), w.id, w.name, w.extra)
	var i IDer = w
	i.SetID(7)
	println(i.ID(), w.ID())
	var j IDer = &w
	j.SetID(9)
	println(w.Base.id)
}
