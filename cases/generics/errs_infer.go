// errorcheck

// Type inference failures in Go 1.19's words.

package main

func Pick[T any, U any](x T) U       { var u U; return u }
func Same[T any](a, b T)             {}
func Map[T, U any](x []T, f func(T) U) {}
func Elem[T any](x []T) T            { return x[0] }

func main() {
	_ = Pick(1)        // ERROR "cannot infer U"
	Same(1, "a")       // ERROR "default type string of .a. does not match inferred type int for T"
	var n int
	var f float64
	Same(n, f)         // ERROR "type float64 of f does not match inferred type int for T"
	Map([]int{1}, nil) // ERROR "cannot infer U"
	_ = Elem(n)        // ERROR "type int of n does not match \[\]T \(cannot infer T\)"
	_ = Pick[int, string](1)
}
