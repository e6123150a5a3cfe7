// errorcheck -0 -d=ssa/check_bce/debug=1,panic,ssa/check/on,wb,ssa/opt/debug

// gc's -d switches are all accepted; check_bce reports each bounds check left in.
// A constant index into an array needs none; a variable one into a slice does.

package main

var a [4]int
var s []int

//go:noinline
func f(i, j int) int {
	a[2] = 1
	s[i] = 2 // ERROR "Found IsInBounds"
	t := s[i:j] // ERROR "Found IsSliceInBounds"
	return len(t)
}

func main() {
	f(0, 0)
}
