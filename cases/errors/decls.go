// errorcheck

package main

type T struct{ a, b int }

func (T) M() {}
func (T) M() {} // ERROR "T\.M redeclared in this block"

var g int
var g string // ERROR "g redeclared in this block"

type R struct {
	x int
	x string // ERROR "x redeclared"
}

type Rec struct { // ERROR "invalid recursive type Rec"
	r Rec
}

func dup(a int, a string) {} // ERROR "a redeclared in this block"

const (
	c1 = iota
	c2 int = "s" // ERROR "cannot use .s. \(untyped string constant\) as int value in constant declaration"
)

func main() {
	x := 1
	switch x {
	case 1, 2, 1: // ERROR "duplicate case 1 \(constant of type int\) in expression switch"
	}
	_ = map[string]int{"a": 1, "a": 2} // ERROR "duplicate key .a. in map literal"
	_ = T{a: 1, a: 2} // ERROR "duplicate field name a in struct literal"
	_ = T{1} // ERROR "too few values in T\{…\}"
	_ = T{1, 2, 3} // ERROR "too many values in T\{…\}"
	_ = T{a: 1, 2} // ERROR "mixture of field:value and value elements in struct literal"
	_ = [2]int{1, 2, 3} // ERROR "index 2 is out of bounds \(>= 2\)"
	_ = []int{0: 1, 0: 2} // ERROR "duplicate index 0 in array or slice literal"
	var y int
	var y int // ERROR "y redeclared in this block"
	_ = y
	_ = iota // ERROR "cannot use iota outside constant declaration"
	type L struct{ l L } // ERROR "invalid recursive type L"
}
