// errorcheck

package main

func main() {
	var s []int
	_ = s[1::3] // ERROR "middle index required in 3-index slice"
	_ = s[1:2:] // ERROR "final index required in 3-index slice"
}
