// errorcheck

// Constraint interfaces are not ordinary types.

package main

type Number interface{ ~int | ~float64 }

var v Number // ERROR "cannot use type Number outside a type constraint: interface contains type constraints"

func f(c comparable) {} // ERROR "cannot use type comparable outside a type constraint: interface is \(or embeds\) comparable"

type Both interface {
	Number
	String() string
}

func g(x []Both) {} // ERROR "cannot use type Both outside a type constraint: interface contains type constraints"

func main() {}
