// run

// A type may be an argument of its own instantiation when the instance reaches it
// through an indirection (pointer, map, slice) only.

package main

import "fmt"

type Box[P any] struct{ v P }

type L[P any] *P

type M[K comparable, V any] map[K]V

type S[P any] []P

type X struct {
	n int
	f *Box[X]
}

type Y L[Y]

type Z M[int, Z]

type W struct {
	n    int
	kids S[Box[W]]
}

func main() {
	x := X{n: 1, f: &Box[X]{v: X{n: 2}}}
	fmt.Println(x.n, x.f.v.n, x.f.v.f == nil)
	var y Y
	y = &y
	fmt.Println(y != nil)
	z := Z{1: Z{2: nil}}
	fmt.Println(len(z), len(z[1]), z[1][2] == nil)
	w := W{n: 1, kids: S[Box[W]]{{v: W{n: 2}}, {v: W{n: 3}}}}
	fmt.Println(w.n, len(w.kids), w.kids[1].v.n)
	fmt.Printf("%T %T\n", x.f, w.kids)
}
