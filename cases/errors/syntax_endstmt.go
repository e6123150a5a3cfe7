// errorcheck

package main

func main() {
	if true {
	} x := 1 // ERROR "syntax error: unexpected x at end of statement"
}
