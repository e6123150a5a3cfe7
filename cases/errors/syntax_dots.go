// errorcheck

package main

func f(a ...int, b int) {} // ERROR "can only use \.\.\. with final parameter in list"

func main() {}
