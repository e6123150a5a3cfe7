// errorcheck

package main

// A typed constant index or size must have an integer type, even when its
// value is whole (types2's isValidIndex); an untyped one need only be exact.

var a [4]int

func main() {
	_ = make([]byte, float32(1.0)) // ERROR "invalid argument: index float32\(1.0\) \(constant 1 of type float32\) must be integer"
	_ = make(chan int, 1.0)
	_ = make(map[int]int, complex128(1+0i)) // ERROR "must be integer"
	_ = a[float64(2)]                       // ERROR "invalid argument: index float64\(2\) \(constant 2 of type float64\) must be integer"
	_ = a[2.0]
	_ = make([]int, -1) // ERROR "index -1 \(constant of type int\) must not be negative"
}
