// errorcheck

// A type parameter list needs constraints and at least one parameter.

package main

func F[](x int) {} // ERROR "empty type parameter list"

func main() {}
