// errorcheck

package p

// A type switch guard may not declare the blank identifier.

func f(x interface{}) {
	switch _ := x.(type) { // ERROR "no new variable on left side of :="
	case int:
	}
}
