// errorcheck

// A non-constant shift of an untyped constant takes the type the constant alone
// would take: an untyped float constant defaults to float64, which cannot be shifted,
// while the same shift assigned to an integer is fine. A non-constant untyped float
// shift used as a count becomes uint, as an index int.

package p

var n uint = 3

var (
	a      = 2.0 << n // ERROR "invalid operation: 2.0 << n \(shift of type float64\)"
	b int  = 2.0 << n
	c      = 'x' << n
	d byte = 2.0<<n + 1
)

func f() int {
	e := 4.0 << n // ERROR "invalid operation: 4.0 << n \(shift of type float64\)"
	_ = e
	var g float32 = 1 << n // ERROR "invalid operation: 1 << n \(shift of type float32\)"
	_ = g
	var arr [8]int
	return 1<<(2.<<n) + arr[1.<<n]
}
