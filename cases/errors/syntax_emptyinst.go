// errorcheck

// A generic type's instantiation needs type arguments.

package main

type Box[T any] struct{ v T }

func fill(into []int, b Box[]) {} // ERROR "syntax error: unexpected \], expecting type"
