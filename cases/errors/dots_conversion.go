// errorcheck

package main

func main() {
	size := 3
	_ = float64(size...) // ERROR "invalid use of ... in type conversion to float64"
}
