// errorcheck

// Huge untyped float constants: beyond gc's 32-bit binary exponent a literal is
// malformed; below it the value exists but fits no float type and no integer.

package main

const big = 1e646456992

var _ = 1e646456993       // ERROR "malformed constant: 1e646456993"
var _ float64 = big       // ERROR "overflows"
var _ float32 = 1e-646456 // tiny values round to zero
var _ int = big           // ERROR "truncated"
var _ = big * 10          // ERROR "constant result is not representable"

func main() {}
