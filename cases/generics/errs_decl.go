// errorcheck

// Errors in generic declarations that nothing instantiates: gc checks the type
// parameter lists, constraints and signatures of every generic declaration.

package main

func Dup[T any, T any]() {} // ERROR "T redeclared in this block"

func Shadow[T any](T int) {} // ERROR "T redeclared in this block"

type Rhs[T any] T // ERROR "cannot use a type parameter as RHS in type declaration"

func Union[T comparable | int]() {} // ERROR "cannot use comparable in union"

type Rec[U interface{ M() Rec[U] }] int // ERROR "invalid recursive type Rec"

type X int

func (X) M() Rec[X] { return 0 }

func main() {}
