// errorcheck

// Go 1.19 does not support type declarations inside generic functions.

package main

func count[T comparable](xs []T) int {
	type entry struct{ k T } // ERROR "type declarations inside generic functions are not currently supported"
	return len(xs)
}

func main() {
	_ = count([]int{1})
}
