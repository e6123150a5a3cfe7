// errorcheck -0 -m -l
// refgo-only: gc 1.19 devirtualizes i.M() to T.M even with -l, so for gc the T{...} below does not escape; refgo never devirtualizes: an interface method call leaks its receiver

// Where refgo's -m differs from gc's on purpose: a method called through an interface
// whose dynamic type gc can see locally.

package main

type I interface{ M() int }

type T struct{ a, b int }

func (t T) M() int { return t.a + t.b }

func devirtualizable(a, b int) int {
	var i I = T{a, b} // ERROR "T\{\.\.\.\} escapes to heap$"
	return i.M()
}

func main() {}
