// errorcheck

package main

// Duplicate constant keys of an interface-keyed map are the same value of the
// same type (types2); a struct field's value never has its type elided.

type S string

type T struct {
	f map[string]string
	a [2]int
}

var _ = map[interface{}]int{2: 1, 2: 1}                 // ERROR "duplicate key 2 in map literal"
var _ = map[interface{}]int{int16(2): 1, int16(2): 1}   // ERROR "duplicate key 2 in map literal"
var _ = map[interface{}]int{2: 1, int16(2): 1, 2.0: 3}  // ok: int, int16, float64
var _ = map[interface{}]int{S("a"): 1, "a": 1, S("a"): 2} // ERROR "duplicate key .a. in map literal"
var _ = map[float64]int{1: 1, 1.0: 2}                   // ERROR "duplicate key 1 in map literal"

var _ = T{
	f: { // ERROR "missing type in composite literal"
		"a": "b",
	},
	a: [2]int{1, 2},
}

var _ = []T{{f: map[string]string{}}}

func main() {}
