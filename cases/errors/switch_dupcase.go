// errorcheck

package p

// Duplicate constant cases in a switch on an interface compare type and
// value: byte is uint8 and rune is int32.

type intAlias = int

func f(x interface{}) {
	switch x {
	case uint8(0):
	case byte(0): // ERROR "duplicate case byte\(0\) \(constant 0 of type byte\) in expression switch"
	case int32(0):
	case rune(0): // ERROR "duplicate case rune\(0\)"
	case int(0), uint(0):
	case intAlias(0): // ERROR "duplicate case"
	case 1 + 1:
	case 2: // ERROR "duplicate case 2"
	}
}
