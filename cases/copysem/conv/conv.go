// Package conv holds the types and helpers of the conversion copy-semantics tests:
// converting a value to an interface copies it, so later writes to the original
// (directly, through a pointer, or after the value escaped) never reach the copy.
package conv

// Celsius, Name and Flag are named non-struct types.
type Celsius float64

type Name string

type Flag bool

// Pair is a small struct with a string field (pointer words inside).
type Pair struct {
	A, B int
	S    string
}

// Big is over 1024 bytes: its conversion cannot use a small-value fast path.
type Big struct {
	Head int
	Data [200]int
	Tail string
}

// Node is reached through pointers: aliasing through it IS visible.
type Node struct {
	V    int
	Next *Node
}

// sink and isink are global destinations that make converted values escape.
var sink any

var isink Getter

// Getter is implemented by value-receiver types below.
type Getter interface {
	Get() int
}

// Box implements Getter with a value receiver.
type Box struct {
	N    int
	Pad  [3]int
	Name string
}

func (b Box) Get() int { return b.N }

// mutateBig changes *p after its caller converted *p into e; returns e unchanged.
//
//go:noinline
func mutateBig(p *Big, e any) any {
	p.Head = -1
	p.Data[199] = -1
	p.Tail = "mutated"
	return e
}

// mutatePair changes *p and returns the interface argument it was given.
//
//go:noinline
func mutatePair(p *Pair, g any) any {
	p.A, p.B, p.S = 100, 200, "changed"
	return g
}

// mutateInt increments *p and returns e.
//
//go:noinline
func mutateInt(p *int, e any) any {
	*p += 1000
	return e
}

// mutateBox changes *p and returns the Getter it was passed.
//
//go:noinline
func mutateBox(p *Box, g Getter) Getter {
	p.N = -7
	p.Name = "changed"
	return g
}

// keep stores e in the global sink.
//
//go:noinline
func keep(e any) { sink = e }

// sum adds the elements of a.
func sum(a [8]int) int {
	s := 0
	for _, v := range a {
		s += v
	}
	return s
}
