// errorcheck -0 -m -l

// Package-level initialisation: static data (constants, literals of constants and
// their addresses) allocates nothing; a literal with dynamic parts is static too, only
// those parts are code; other initialisers are analysed like a function.

package main

type T struct{ a int }

var sink interface{} = 42
var p = &T{1}
var m = map[string]int{"a": 1} // ERROR "map\[string\]int\{\.\.\.\} escapes to heap$"
var s = []int{1, 2}
var n = count([]int{1, 2, 3}) // ERROR "\[\]int\{\.\.\.\} does not escape$"
var lits = []*T{{count([]int{4})}, &T{5}} // ERROR "\[\]int\{\.\.\.\} does not escape$"
var ptrs = []*int{new(int)}               // ERROR "new\(int\) escapes to heap$"

func count(xs []int) int { return len(xs) } // ERROR "xs does not escape$"

func init() {
	sink = T{2} // ERROR "T\{\.\.\.\} escapes to heap$"
}

func main() {
	println(n, lits[0].a, *ptrs[0], p.a, m["a"], s[1], sink.(T).a)
}
