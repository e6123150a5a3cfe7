// asmcheck

package codegen

// The seed commit: a value-to-interface conversion whose result does not escape is
// built from a stack temporary (no runtime call); an escaping one calls convT2E.

func eq(a, b interface{}) bool { return a == b }

func f(x int) bool {
	return eq(x, 5) // amd64:-"convT2E"
}

var sink interface{}

func g(x int) {
	sink = x // amd64:"call\t.*convT2E"
}

type T struct{ a, b int }

func h(t T) bool {
	return eq(t, t) // amd64:-"convT2E",-"newobject",-"mallocgc"
}
