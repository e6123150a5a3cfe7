// errorcheck

package p

// A map key type that proves incomparable only once complete is reported
// for local types too.

func f() {
	type T struct{ m map[T]int } // ERROR "invalid map key type T"
	var _ T
}
