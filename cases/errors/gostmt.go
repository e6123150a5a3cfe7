// errorcheck
// refgo-only: refgo does not support go statements; gc accepts this file

// An unsupported go statement is reported once, and its call is still checked:
// its operands count as used, and real errors in it are reported.

package main

func work(n int, s string) {}

func main() {
	a := 1
	go work(a, "x") // ERROR "refgo does not support go statements yet"
	b := 2
	go work(b, 3) // ERROR "refgo does not support go statements yet|cannot use 3"
}
