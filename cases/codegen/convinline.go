// asmcheck

package codegen

// The seed commit: a value-to-interface conversion whose result does not escape is
// built from a stack temporary (no runtime call); an escaping one calls the runtime
// (gc 1.19's convT64 for an int).

func eq(a, b interface{}) bool { return a == b }

func f(x int) bool {
	return eq(x, 5) // amd64:-"convT"
}

var sink interface{}

func g(x int) {
	sink = x // amd64:"call\t.*convT64"
}

type T struct{ a, b int }

func h(t T) bool {
	return eq(t, t) // amd64:-"convT",-"newobject",-"mallocgc"
}
