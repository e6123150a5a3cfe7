// run

package main

type Animal interface {
	Sound() string
}

type Dog struct{ name string }
type Cat struct {
	name  string
	lives int
}

func (d Dog) Sound() string  { return d.name + " woof" }
func (c *Cat) Sound() string { c.lives--; return c.name + " meow" }

type Loud struct{ Animal }

func main() {
	c := &Cat{"tom", 9}
	animals := []Animal{Dog{"rex"}, c, Loud{Dog{"max"}}}
	for i, a := range animals {
		println(i, a.Sound())
	}
	println(c.lives)
	var a Animal = Dog{"x"}
	switch v := a.(type) {
	case *Cat:
		println("cat", v.name)
	case Dog:
		println("dog", v.name)
	}
	_, isCat := a.(*Cat)
	println(isCat)
}
