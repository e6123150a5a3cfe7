// errorcheck

// types2's messages separate an instance's type arguments with ", ".

package main

type pair[K comparable, V any] struct{ k K }

func main() {
	m := map[pair[string, int]]int{}
	_ = m[pair[uint,int]{}] // ERROR "cannot use pair\[uint, int\]\{\} \(value of type pair\[uint, int\]\) as type pair\[string, int\] in map index"
}
