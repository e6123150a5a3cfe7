// errorcheck

package main

func pair() (int, int) { return 3, 4 }

func main() {
	var re, im int32
	_ = complex(re, im) // ERROR "invalid argument: arguments have type int32, expected floating-point"
	_ = complex(pair()) // ERROR "invalid argument: arguments have type int, expected floating-point"
}
