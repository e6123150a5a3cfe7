// run

// An expression switch on a concrete tag with interface-typed case values compares
// the tag converted to the interface (dynamic type and value) with each case.

package main

type S struct{ a, b int }

func (s S) String() string { return "S" }

type Stringer interface{ String() string }

func which(x int, e interface{}) string {
	switch x {
	case e:
		return "e"
	case 7:
		return "seven"
	}
	return "none"
}

func main() {
	println(which(3, 3), which(3, "3"), which(7, nil), which(4, int64(4)))
	var st Stringer = S{1, 2}
	switch (S{1, 2}) {
	case st:
		println("st")
	default:
		println("default")
	}
	switch (S{1, 3}) {
	case st:
		println("st")
	default:
		println("default")
	}
	s := "x"
	switch s {
	case interface{}("y"), interface{}("x"):
		println("matched x")
	}
}
