// errorcheck

package main

func f1(x int) int {
	if x > 0 {
		return 1
	}
} // ERROR "missing return"

func f2(x int) int {
	for x > 0 {
		return 1
	}
} // ERROR "missing return"

func f3(x int) int {
	switch x {
	case 1:
		return 1
	}
} // ERROR "missing return"

func f4() int {
	for {
		break
	}
} // ERROR "missing return"

func main() {
	break // ERROR "break is not in a loop, switch, or select"
	continue // ERROR "continue is not in a loop"
	for {
		break L1 // ERROR "break label not defined: L1"
	}
	goto L2 // ERROR "label L2 not defined"
	if 1 { // ERROR "non-boolean condition in if statement"
	}
	for "s" { // ERROR "non-boolean condition in for statement"
	}
	switch {
	case 1: // ERROR "cannot convert 1 \(untyped int constant\) to bool"
		fallthrough
	default:
		fallthrough // ERROR "cannot fallthrough final case in switch"
	}
L3:
	if true {
		break L3 // ERROR "invalid break label L3"
	}
L4:
	switch {
	case true:
		continue L4 // ERROR "invalid continue label L4"
	}
	var x int
	if x { // ERROR "non-boolean condition in if statement"
	}
}
