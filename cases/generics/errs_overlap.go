// errorcheck

// Terms of a union may not share a type: exact types compare as they are, a ~ term
// by underlying type. Embedded constraints are not compared.

package main

type MyInt int

type Num interface {
	~int | ~int8 | ~uint8 | ~byte // ERROR "overlapping terms ~byte and ~uint8"
}

type Str interface {
	string | ~string // ERROR "overlapping terms ~string and string"
}

type Mixed interface{ int | ~int8 | MyInt }

type E interface{ ~int }

type Both interface{ E | ~int }

func f[T Mixed](x T) T { return x }

func main() {
	_ = f(MyInt(1))
}
