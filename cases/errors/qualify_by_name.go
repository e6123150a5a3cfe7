// errorcheck

// types2 qualifies another package's types in messages by the package's
// name, not its import path.

package main

import (
	"math/rand"
	"unicode/utf8"
)

func main() {
	var n int
	n = rand.New(nil)         // ERROR "cannot use rand.New\(nil\) \(value of type \*rand.Rand\) as type int in assignment"
	n = []*rand.Rand{}        // ERROR "value of type \[\]\*rand.Rand\)"
	n = utf8.RuneLen          // ERROR "value of type func\(r rune\) int\)"
	_ = n
}
