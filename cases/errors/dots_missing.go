// errorcheck

package p

// ... in a parameter list needs a type.

func f(a int, b ...) {} // ERROR "... is missing type"
