// errorcheck

// A complex constant divisor whose parts are so small that their squares
// underflow gc's constant arithmetic is a division by zero.

package main

const tiny = 3e-700000000

var ok = 2i / 1e-300           // fine: the square is small but representable
var bad = 2 / (tiny + tiny*1i) // ERROR "invalid operation: division by zero"
var bad2 = (1 + 1i) / tiny     // ERROR "invalid operation: division by zero"

func main() {}
