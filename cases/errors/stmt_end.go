// errorcheck

package p

// A statement ends at a semicolon or newline, or just before the `}` of its
// block: a case or default clause on the same line is a syntax error.

func f(x int) {
	switch x {
	case 0: f(1) case 1: // ERROR "unexpected case at end of statement"
	case 2: f(2) default: // ERROR "unexpected default at end of statement"
	}
	switch { case x > 0: f(0) }
}
