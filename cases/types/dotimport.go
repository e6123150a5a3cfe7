// run

// Dot imports put a package's exported names in the file scope.
package main

import (
	. "fmt"
	. "strings"
)

type S struct{ B Builder }

func main() {
	var b Builder
	b.WriteString(ToUpper("dot"))
	Println(b.String(), Repeat("-", 3), Stringer(nil) == nil)
	var s S
	s.B.WriteString("x")
	Printf("%d\n", len(s.B.String()))
}
