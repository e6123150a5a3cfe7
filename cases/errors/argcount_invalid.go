// errorcheck

// A parameter of an undefined type does not hide a wrong argument count: the
// lists print the invalid type as <T>, as types2 does.

package main

func scale(v Vector, k float64) float64 { // ERROR "undefined: Vector"
	return k
}

func main() {
	_ = scale(2) // ERROR "not enough arguments in call to scale\n\thave \(number\)\n\twant \(<T>, float64\)"
}
