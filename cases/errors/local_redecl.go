// errorcheck

package main

// A local type declared twice in one block is redeclared, as any other name
// (found by the mutant fuzzer: refgo kept the second T).

func third() interface{} {
	type T int
	type T int // ERROR "T redeclared in this block\n\t.*: other declaration of T"
	return T(3)
}

func main() {
	type U struct{}
	{
		type U int // another block: fine
		_ = U(1)
	}
	_ = third()
	_ = U{}
}
