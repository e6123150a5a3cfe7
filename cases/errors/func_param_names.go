// errorcheck

// types2 writes a function type's parameter and result names in its
// messages, as they were declared.

package main

import "strings"

type Conv func(in string) (out int, err error)

func apply(xs []int, f func(x int) int) {}

func pair(a, b int, rest ...string) (ok bool) { return }

func main() {
	var n int
	n = pair             // ERROR "cannot use pair \(value of type func\(a int, b int, rest \.\.\.string\) \(ok bool\)\) as type int in assignment"
	n = strings.ToLower  // ERROR "value of type func\(s string\) string"
	var c Conv
	n = c                // ERROR "variable of type Conv"
	apply(nil, func(int) int { return 0 })
	apply(nil, strings.Count) // ERROR "cannot use strings.Count \(value of type func\(s string, substr string\) int\) as type func\(x int\) int in argument to apply"
	_ = n
}
