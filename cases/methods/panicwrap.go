// run

package main

// A value method called through a nil pointer in an interface goes through the
// wrapper pkg.(*T).M, which panics with gc's runtime.panicwrap error; a method
// promoted through an embedded field has no such check (a nil dereference instead).

import "fmt"

type T int

func (t T) F() int { return int(t) }

type S struct{ a, b string }

func (s S) G() string { return s.b }

type E struct{ S }

type I interface{ F() int }

type J interface{ G() string }

var (
	t *T
	i I = t
	s *S
	j J = s
	e *E
	k J = e
)

func try(name string, f func()) {
	defer func() {
		err := recover().(error)
		_, rt := err.(interface{ RuntimeError() })
		fmt.Println(name, rt, err)
	}()
	f()
}

func main() {
	try("T.F", func() { i.F() })
	try("S.G", func() { j.G() })
	try("E.G", func() { k.G() })
}
