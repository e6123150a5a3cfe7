// errorcheck

// A constraint that mentions the list's own parameters is named in messages with
// the type arguments substituted: Setter[T] checked for R reads Setter[R].

package main

type Setter[T any] interface {
	*T
	Set(string)
}

type Getter[T any] interface{ Get() T }

type S struct{ v string }

func (s *S) Set(v string) { s.v = v }

type R struct{ T int }

func Fill[T any, PT Setter[T]](n int) []T { return make([]T, n) }

func Read[T any, G Getter[T]](g G) T { return g.Get() }

type G struct{}

func (G) Get() string { return "" }

func main() {
	_ = Fill[S](1)
	_ = Fill[R](1)         // ERROR "\*R does not implement Setter\[R\] \(missing Set method\)"
	_ = Read[int, G](G{})  // ERROR "G does not implement Getter\[int\] \(wrong type for Get method\)"
}
