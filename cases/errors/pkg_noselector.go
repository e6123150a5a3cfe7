// errorcheck

package main

import "fmt"

// A package name is only a selector's operand (types2's words).

func main() {
	x := fmt // ERROR "use of package fmt not in selector"
	_ = x
	fmt.Println(fmt) // ERROR "use of package fmt not in selector"
}
