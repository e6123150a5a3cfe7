// errorcheck

package main

func main() {
	var a [3]int
	a[1 = 2 // ERROR "syntax error: unexpected =, expecting comma, : or \]"
}
