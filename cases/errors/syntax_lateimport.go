// errorcheck

// An import after other declarations is skipped whole, as gc skips it: the
// stray name inside it is not reported.

package main

func main() {}

import ( // ERROR "syntax error: non-declaration statement outside function body"
	"os" stray
)

var after = 1 two // ERROR "syntax error: unexpected two after top level declaration"
