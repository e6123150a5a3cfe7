// errorcheck

// A type parameter list needs constraints.

package main

func H[T](x T) {} // ERROR "missing type constraint"

func main() {}
