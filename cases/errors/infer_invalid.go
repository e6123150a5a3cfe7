// errorcheck

// A type argument inferred from an argument of an undefined type is invalid: the
// undefined name is the one error, not a constraint the invalid type fails.

package main

type N interface{ ~int | ~uint }

func sum[S ~[]T, T N](s S) T { return 0 }

func main() {
	_ = sum([]c{}) // ERROR "undefined: c$"
}
