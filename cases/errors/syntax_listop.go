// errorcheck

// An expression list on the left takes only = or :=.

package main

func main() {
	ch := make(chan int, 1)
	x, y := 1, 2
	x, y <- ch // ERROR "syntax error: unexpected <-, expecting := or = or comma"
	x, y *= 2  // ERROR "syntax error: unexpected \*=, expecting := or = or comma"
	_, _ = x, y
}
