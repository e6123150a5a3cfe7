// errorcheck

// A type that contains itself through type arguments is an invalid recursive type.

package main

type Arr[P any] [2]P

type Box[P any] struct{ v P }

type Ptr[P any] *P

type A Arr[A] // ERROR "invalid recursive type A"

type B Box[Arr[Box[B]]] // ERROR "invalid recursive type B"

type C Arr[Box[Ptr[C]]] // ok: through a pointer

type D struct { // ERROR "invalid recursive type D"
	_ Box[D]
}

type E struct {
	_ *Box[E] // ok
}

func main() {}
