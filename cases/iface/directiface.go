// run

package main

type S struct{ v int }

func (s *S) Get() int { return s.v }

type T struct{ *S }

type G interface{ Get() int }

func main() {
	var g G = T{&S{5}}
	println(g.Get())
	var h G = &T{&S{6}}
	println(h.Get())
}
