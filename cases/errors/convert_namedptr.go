// errorcheck

// Pointer types whose base types share an underlying type convert only when
// neither pointer type is a defined type.

package main

type Celsius float64
type Kelvin float64
type CelsiusPtr *Celsius

func main() {
	var c Celsius
	var cp CelsiusPtr = &c
	_ = (*Kelvin)(&c)   // unnamed pointers: fine
	_ = (*Kelvin)(cp)   // ERROR "cannot convert cp \(variable of type CelsiusPtr\) to type \*Kelvin"
	_ = CelsiusPtr(&c)  // same underlying type: fine
}
