// errorcheck -0 -m -l

// Package-level initialisation: static data (constants, literals of constants and
// their addresses) allocates nothing; other initialisers are analysed like a function.

package main

type T struct{ a int }

var sink interface{} = 42
var p = &T{1}
var m = map[string]int{"a": 1} // ERROR "map\[string\]int\{\.\.\.\} escapes to heap$"
var s = []int{1, 2}
var n = count([]int{1, 2, 3}) // ERROR "\[\]int\{\.\.\.\} does not escape$"

func count(xs []int) int { return len(xs) } // ERROR "xs does not escape$"

func init() {
	sink = T{2} // ERROR "T\{\.\.\.\} escapes to heap$"
}

func main() {
	println(n, p.a, m["a"], s[1], sink.(T).a)
}
