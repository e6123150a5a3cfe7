// errorcheck

package main

// Argument counts as types2 counts them: with ... the variadic parameter is
// one argument; a builtin's single multi-value argument is its results, and
// errors inside the arguments come before the count.

func f(int, ...int) {}

func F3() (float64, float64, float64) { return 1, 2, 3 }

func main() {
	s := make([]int, 8)
	f(nil...) // ERROR "not enough arguments in call to f\n\thave \(nil\)\n\twant \(int, ...int\)"
	f(1, s, s...) // ERROR "too many arguments in call to f\n\thave \(number, \[\]int, \[\]int\)\n\twant \(int, ...int\)"
	_ = append(s...)       // ERROR "not enough arguments in call to append\n\thave \(\[\]int\)\n\twant \(\[\]int, ...int\)"
	_ = append(s, 2, s...) // ERROR "too many arguments in call to append"
	_ = complex(F3())      // ERROR "too many arguments for complex\(F3\(\)\) \(expected 2, found 3\)"
	_ = complex(0())       // ERROR "cannot call non-function 0 \(untyped int constant\)"
}
