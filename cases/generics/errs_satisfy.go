// errorcheck

// Type arguments that do not satisfy their constraints: type sets, comparable,
// missing methods and pointer receivers, explicit and inferred.

package main

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs ...T) T { var s T; return s }
func Or[T comparable](xs ...T) T { var z T; return z }

type S interface{ M() }
type P struct{}
type Q struct{}

func (*P) M() {}

func Need[T S](x T) {}

type Box[T Number] struct{}

func main() {
	_ = Sum("a")     // ERROR "string does not implement Number \(string missing in ~int \| ~float64\)"
	_ = Or[error]()  // ERROR "error does not implement comparable"
	_ = Sum[string]  // ERROR "string does not implement Number"
	var b Box[bool]  // ERROR "bool does not implement Number \(bool missing in ~int \| ~float64\)"
	_ = b
	Need(P{})        // ERROR "P does not implement S \(M method has pointer receiver\)"
	Need(Q{})        // ERROR "Q does not implement S \(missing M method\)"
	Need(&P{})
	_ = Or[[]int]    // ERROR "\[\]int does not implement comparable"
	_ = Or(func() {}) // ERROR "func\(\) does not implement comparable"
}
