// errorcheck

package p

import "unsafe"

// What an embedded field's type and a map's key type may be is decided once
// the types they name are complete, also for types declared further down.

type P *struct {
	P // ERROR "embedded field type cannot be a pointer"
}

type S struct {
	unsafe.Pointer // ERROR "embedded field type cannot be unsafe.Pointer"
	*I             // ERROR "embedded field type cannot be a pointer to an interface"
	Q              // ERROR "embedded field type cannot be a pointer"
}

type I interface{}

type Q *int

type M map[K]int // ERROR "invalid map key type K"

type K [1]M

type N map[L]int

type L struct{ a [2]int }

func f() {
	type T struct {
		*Q // ERROR "embedded field type cannot be a pointer"
	}
	var _ T
}
