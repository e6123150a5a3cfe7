// errorcheck

// A duplicate type switch case is named by its type as types2 prints it
// (struct tags included), not by the expression written.

package main

type Int = int

func main() {
	var x interface{}
	switch x.(type) {
	case int:
	case Int: // ERROR "duplicate case int in type switch"
	case struct {
		a int `k:"v"`
	}:
	case struct {
		a int `k:"w"`
	}:
	case struct{ a int "k:\"v\"" }: // ERROR "duplicate case struct{a int .k:..v...} in type switch"
	case []byte:
	case []uint8: // ERROR "duplicate case \[\]uint8 in type switch"
	case nil:
	case (nil): // ERROR "duplicate case nil in type switch"
	}
}
