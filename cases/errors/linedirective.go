// errorcheck

package p

// A //line directive renames the positions of the lines that follow, as gc
// prints them: the line counts on from the one given, a column given counts
// on the first line only.

// ERROR "cannot use .x. \(untyped string constant\) as int value"
// ERROR "undefined: y"

//line :9:20
var a int = "x"
var b = y

//line linedirective.go:17
var c int = 1.5 // ERROR "truncated"
