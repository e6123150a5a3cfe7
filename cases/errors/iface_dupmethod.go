// errorcheck

package main

// An interface's explicit methods come first; an embedded interface may
// repeat one with an identical type, and a different type is a duplicate
// reported at the embedding.

type M interface{ m() }
type M32 interface{ m() int32 }

type U1 interface { M; m() }
type U2 interface { M; M }
type U6 interface { m(); m() } // ERROR "duplicate method m"
type U7 interface { M32; m() } // ERROR "duplicate method m"

func main() {
	var _ U1
	var _ U2
}
