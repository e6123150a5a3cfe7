// run

// Comma-ok forms (map index, type assertion) whose values are assigned to or declared
// as interface-typed variables: each value converted on its own.

package main

import "fmt"

type B bool

func main() {
	m := map[string]int{"k": 4}
	var x interface{}
	var ok bool
	x, ok = m["k"]
	fmt.Println(x, ok)
	var y, z interface{} = m["q"]
	fmt.Println(y, z)
	var e interface{} = "s"
	var s fmt.Stringer
	var b B
	s, b = e.(fmt.Stringer)
	fmt.Println(s, b)
	x, ok = e.(string)
	fmt.Println(x, ok)
}
