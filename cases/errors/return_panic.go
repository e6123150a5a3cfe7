// errorcheck

// Only a call of the builtin panic ends a function: a local called panic
// does not.

package main

func real() int {
	panic("real")
}

func shadowed() int {
	panic := func(string) {}
	panic("shadowed")
} // ERROR "missing return"

func main() {
	_, _ = real(), shadowed()
}
