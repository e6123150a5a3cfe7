// errorcheck

package main

func main() {
	x := 1 +
	f(1, 2 // ERROR "syntax error: unexpected newline in argument list; possibly missing comma or \)"
}
