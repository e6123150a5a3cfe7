// errorcheck -lang=go1.17

package p

// Under -lang, what a later Go added is refused with gc's hint at the flag.

type E interface{}

type G[T E] int // ERROR "type parameter requires go1\.18 or later \(-lang was set to go1\.17; check go.mod\)"

func F[T E]() {} // ERROR "type parameter requires go1\.18 or later"

type C interface {
	int // ERROR "embedding non-interface type int requires go1\.18 or later"
}

type I interface{ M() }

type J interface {
	I
	I // overlapping embedded interfaces are fine since Go 1.14
}
