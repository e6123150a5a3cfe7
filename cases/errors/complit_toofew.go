// errorcheck

package p

// A struct literal with fewer elements than fields is reported even when it
// also mixes keyed and positional elements.

type S struct{ X, Y, Z int }

var _ = S{0, X: 1} // ERROR "mixture of field:value and value elements in struct literal" "too few values in S{…}"
var _ = S{0, X: 1, Y: 2} // ERROR "mixture of field:value and value elements in struct literal"
