// errorcheck

package main

func f(a int, b string) {}

func g() (int, int) { return 1, 2 }

func h() {}

func v(xs ...int) {}

func r1() (int, string) {
	return 1 // ERROR "not enough return values"
}

func r2() {
	return 5 // ERROR "too many return values"
}

func r3() int {
	return 1, 2 // ERROR "too many return values"
}

func main() {
	f(1) // ERROR "not enough arguments in call to f"
	f(1, "a", 3) // ERROR "too many arguments in call to f"
	x := 5
	x() // ERROR "invalid operation: cannot call non-function x \(variable of type int\)"
	var y int = g() // ERROR "multiple-value g\(\) \(value of type \(int, int\)\) in single-value context"
	_ = h() // ERROR "h\(\) \(no value\) used as value"
	v(1, "a") // ERROR "cannot use .a. \(untyped string constant\) as int value in argument to v"
	f(x...) // ERROR "cannot use \.\.\. in call to non-variadic f"
	_ = y
}
