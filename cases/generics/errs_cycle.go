// errorcheck

// A generic type whose declaration instantiates itself with a bigger argument
// expands forever: an instantiation cycle, reported once, at the parameter.

package main

type T[P any] struct { // ERROR "instantiation cycle"
	f *T[[]P]
}

func main() {
	var x T[int]
	_ = x
}
