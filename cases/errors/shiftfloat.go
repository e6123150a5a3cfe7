// errorcheck

// A non-constant shift of an untyped constant takes the type the whole untyped
// expression ends up with; nested in arithmetic it is still a shift of that type.

package main

import "fmt"

func main() {
	var s uint
	fmt.Println(1.0 + 1<<s)      // ERROR "invalid operation: 1 << s \(shift of type float64\)"
	x := 1.0 + (2 * -(1 << s))   // ERROR "invalid operation: 1 << s \(shift of type float64\)"
	var f float32 = 3 + 1>>s     // ERROR "invalid operation: 1 >> s \(shift of type float32\)"
	var i int = 1 + 1<<s
	_, _, _ = x, f, i
}
