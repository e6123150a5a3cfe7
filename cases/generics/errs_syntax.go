// errorcheck

// Malformed type parameter lists are syntax errors, at gc's positions.

package main

type S struct{}

func (S) M[T any]() {} // ERROR "method must have no type parameters"

type I interface {
	m[_ any]() // ERROR "interface method must have no type parameters"
}

func main() {}
