// errorcheck

package main

func main() {
	for i := 0; i < 3; i++ func // ERROR "syntax error: unexpected func, expecting \{ after for clause"
}
