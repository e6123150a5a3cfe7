// errorcheck -lang=go1.12

package p

// Go 1.13's number literals and signed shift counts, under -lang=go1.12.

const (
	_ = 1_000 // ERROR "underscores in numeric literals requires go1\.13 or later \(-lang was set to go1\.12; check go.mod\)"
	_ = 0b101 // ERROR "binary literals requires go1\.13 or later"
	_ = 0O17  // ERROR "0o/0O-style octal literals requires go1\.13 or later"
	_ = 0x1p4 // ERROR "hexadecimal floating-point literals requires go1\.13 or later"
	_ = 0x1f
	_ = 017
)

type I interface{ M() }

type J interface {
	I
	I // ERROR "duplicate method M"
}

func f(s int, u uint) int {
	return 1<<s + 1>>u // ERROR "invalid operation: signed shift count s \(variable of type int\) requires go1\.13 or later$"
}
