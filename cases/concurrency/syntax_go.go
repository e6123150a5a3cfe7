// errorcheck

// The operand of go must be a call, as the parser checks.

package main

func f() {}

func main() {
	go f // ERROR "expression in go must be function call"
	go func() {} // ERROR "expression in go must be function call"
}
