// errorcheck

package main

import "os" // ERROR "imported and not used: .os."

func f() int { return 1 }

func main() {
	x := 1 // ERROR "x declared but not used"
	var y string // ERROR "y declared but not used"
	a, b := 1, 2 // ERROR "b declared but not used"
	_ = a
	1 + 2 // ERROR "1 \+ 2 \(untyped int constant 3\) is not used"
	f // ERROR "f \(value of type func\(\) int\) is not used"
	f() + 1 // ERROR "f\(\) \+ 1 \(value of type int\) is not used"
	var z int
	z // ERROR "z \(variable of type int\) is not used"
	len("abc") // ERROR "len\(.abc.\) \(constant 3 of type int\) is not used"
	z = 3
L: // ERROR "label L defined and not used"
	for {
	}
	var i interface{}
	switch t := i.(type) { // ERROR "t declared but not used"
	}
}
