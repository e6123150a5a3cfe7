// errorcheck

package main

func main() {
	ready := true
	if ready // ERROR "syntax error: unexpected newline, expecting { after if clause"
	{
	}
	if ready; { // ERROR "syntax error: missing condition in if statement"
	}
}
