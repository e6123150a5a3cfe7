// errorcheck

package main

var x = x // ERROR "initialization loop for x"

var y int = z // ERROR "initialization loop for y"
var z = y

func f() int { return g() }
func g() int { return w }

var w = f() // ERROR "initialization loop for w"

const c = c // ERROR "initialization loop for c"

func main() {}
