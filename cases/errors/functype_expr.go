// errorcheck

// A function type sits at its parameter list's parenthesis, as in gc.

package main

var handler = func(string) bool // ERROR "func\(string\) bool \(type\) is not an expression"

func main() {}
