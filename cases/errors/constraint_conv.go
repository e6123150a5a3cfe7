// errorcheck

// An interface with type terms or comparable is a constraint only: converting to it
// is an error (types2's conversion check); a type parameter constrained by it is fine.

package main

type Num interface{ ~int | ~float64 }
type C interface{ comparable }

func f[T Num](x T) T { return T(x) }

func main() {
	_ = Num(1) // ERROR "cannot use interface Num in conversion \(contains specific type constraints or is comparable\)"
	_ = C(2) // ERROR "cannot use interface C in conversion \(contains specific type constraints or is comparable\)"
	_ = f(3)
}
