// errorcheck

// Inference through a constraint with a single tilde term does not fix the type
// argument (Go 1.19): the untyped argument's default type is inferred and must then
// satisfy the constraint.

package main

func Tilde[T ~int](x T) T { return x }

func Exact[T int](x T) T { return x }

type MyInt int

func main() {
	_ = Tilde("x") // ERROR "string does not implement ~int"
	_ = Tilde(2.5) // ERROR "float64 does not implement ~int"
	_ = Tilde(MyInt(1))
	_ = Exact(3)
	var p *int
	_ = Tilde(p) // ERROR "\*int does not implement ~int"
}
