// run

// Type switches and assertions on values of type parameter type converted to
// interfaces, and instances in type switches.

package main

import "fmt"

func Describe[T any](x T) string {
	switch v := any(x).(type) {
	case int:
		return fmt.Sprint("int ", v+1)
	case string:
		return "string " + v
	case []T:
		return fmt.Sprint("slice of T, len ", len(v))
	case fmt.Stringer:
		return "stringer " + v.String()
	}
	return fmt.Sprintf("other %T", x)
}

type Opt[T any] struct {
	v  T
	ok bool
}

func (o Opt[T]) String() string {
	if !o.ok {
		return "none"
	}
	return fmt.Sprint("some ", o.v)
}

func Kind(x any) string {
	switch x.(type) {
	case Opt[int]:
		return "Opt[int]"
	case Opt[string]:
		return "Opt[string]"
	case *Opt[int]:
		return "*Opt[int]"
	}
	return "?"
}

func Is[T any](x any) bool {
	_, ok := x.(T)
	return ok
}

func main() {
	fmt.Println(Describe(41))
	fmt.Println(Describe("go"))
	fmt.Println(Describe(2.5))
	fmt.Println(Describe(Opt[int]{3, true}))
	fmt.Println(Kind(Opt[int]{}), Kind(Opt[string]{}), Kind(&Opt[int]{}), Kind(Opt[bool]{}))
	fmt.Println(Is[int](1), Is[int]("x"), Is[Opt[int]](Opt[int]{}), Is[fmt.Stringer](Opt[bool]{}))
}
