// run

// A non-constant shift of an untyped constant inside an untyped float
// expression takes its type from the context: every constant of the
// expression must fit that type, not only the shifted one.

package main

import "fmt"

func main() {
	var i uint = 3
	var c int64 = (1 << i) + 4.0
	var d uint8 = (1<<i)*2.0 - 1
	var e int = -(1 << i) + 1e2
	var f int32
	f = (1 << (i + 1)) / 2.0
	fmt.Println(c, d, e, f)
}
