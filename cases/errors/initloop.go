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

// A loop may run through a function and back through a plain variable; it is
// reported for the variable of the shared declaration that is on it (q, not p).
var (
	p, q = h() // ERROR "initialization loop for q"
	r    = q
)

func h() (int, int) { return r, r }
