// errorcheck

// Go 1.19 does not support type declarations inside generic functions: the
// declaration is refused once, and its uses report nothing more.

package main

func count[T comparable](xs []T) int {
	type entry struct{ k T } // ERROR "type declarations inside generic functions are not currently supported"
	seen := map[entry]bool{} // no error follows from the declaration refused above
	for _, x := range xs {
		seen[entry{x}] = true
	}
	return len(seen)
}

func main() {
	_ = count([]int{1})
}
