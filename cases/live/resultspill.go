// errorcheckwithauto -0 -l -live

// gc keeps the value of a result it can hold in SSA until the return stores it, so
// what is live before the return is the spill slot of that value, a temporary, not
// the result itself. A result SSA cannot hold (an array of ten pointers) is written
// where it is assigned and is reported by name.

package main

//go:noinline
func h() {}

func small() (x []int) {
	x = make([]int, 10)
	h() // ERROR "live at call to h: .autotmp_[0-9]+$"
	return
}

func big() (x [10]*int) {
	x[0] = new(int) // ERROR "live at call to newobject: x$"
	h()             // ERROR "live at call to h: x$"
	return
}

func main() {
	_ = small()
	_ = big()
}
