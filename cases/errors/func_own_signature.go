// errorcheck

// A function named in its own signature is a func() value there (types2
// checks the signature with the function already declared), not a cycle.

package main

import "unsafe"

func f(x f) {} // ERROR "f \(value of type func\(\)\) is not a type"

func g() [unsafe.Sizeof(g)]int { return [8]int{} }

func h(x [unsafe.Sizeof(h2)]int) {}

func h2(h) {} // ERROR "h \(value of type func\(\)\) is not a type"

func main() {}
