// errorcheck

// A grouped declaration with a stray token after a spec: gc complains, skips
// to the group's ) and goes on with the declarations after it.

package main

const (
	Low  = 1
	High "top" // ERROR "syntax error: unexpected literal .top. in grouped declaration; possibly missing semicolon or newline or \)"
)

var (
	width int height // ERROR "syntax error: unexpected height in grouped declaration; possibly missing semicolon or newline or \)"
)

type (
	Celsius float64 Kelvin // ERROR "syntax error: unexpected Kelvin in grouped declaration; possibly missing semicolon or newline or \)"
)

func main() {
	var (
		a = 1 b // ERROR "syntax error: unexpected b in grouped declaration; possibly missing semicolon or newline or \)"
	)
	_ = a
}
