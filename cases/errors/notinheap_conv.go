// errorcheck

// A conversion may not turn a pointer to an ordinary type into a pointer
// to a //go:notinheap one, nor a string into a slice of notinheap bytes.
// gc checks this after types2 accepted the program.

package main

type plain struct{ a, b int }

//go:notinheap
type handle plain

//go:notinheap
type nbyte byte

type wrap struct{ h handle } // notinheap too: it holds one

func main() {
	p := new(plain)
	_ = (*handle)(p) // ERROR "cannot convert p \(type \*plain\) to type \*handle:\n\thandle is incomplete \(or unallocatable\), but plain is not"
	var h *handle
	_ = (*wrap)(nil)
	_ = (*handle)(h)
	_ = []nbyte("abc") // ERROR "nbyte is incomplete \(or unallocatable\)"
}
