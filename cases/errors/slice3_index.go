// errorcheck

package p

// A 3-index slice missing its middle or final index is an error of the
// parser that does not stop the checker; the constant indices are all
// checked, then the first pair out of order is the one error about order.

var a [10]int
var s string

func f(i, j, k int) {
	_ = a[i::] // ERROR "middle index required in 3-index slice" "final index required in 3-index slice"
	_ = a[:j:] // ERROR "final index required in 3-index slice"
	_ = s[::k] // ERROR "middle index required in 3-index slice" "3-index slice of string"
	_ = s[i:j:] // ERROR "final index required in 3-index slice" "3-index slice of string"
	_ = a[2:3:1] // ERROR "invalid slice indices: 1 < 2"
	_ = a[3:1:2] // ERROR "invalid slice indices: 1 < 3"
	_ = a[11:11] // ERROR "index 11 out of bounds"
	_ = a[11:12] // ERROR "index 11 out of bounds" "index 12 out of bounds"
}
