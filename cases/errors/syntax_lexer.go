// errorcheck

package main

func main() {
	f(a b) // ERROR "syntax error: unexpected b in argument list; possibly missing comma or \)"
	g(,) // ERROR "syntax error: unexpected comma, expecting expression"
	y := [3]int{1, 2, 3 // ERROR "syntax error: unexpected newline in composite literal; possibly missing comma or \}"
	}
	if true { } z := 1 // ERROR "syntax error: unexpected z at end of statement"
	r := 'ab' // ERROR "more than one character in rune literal"
	q := '\q' // ERROR "unknown escape"
	@ // ERROR "invalid character U\+0040 '@'"
}
