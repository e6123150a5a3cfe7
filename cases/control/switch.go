// run

package main

func name(x int) string {
	switch x {
	case 0:
		return "zero"
	case 1, 2, 3:
		return "small"
	default:
		return "big"
	}
}

func main() {
	for i := 0; i < 6; i += 2 {
		println(name(i))
	}
	x := 5
	switch {
	case x > 3:
		println("gt3")
		fallthrough
	case x > 100:
		println("fell")
	case x > 1:
		println("not reached")
	}
	switch y := x * 2; y {
	case 10:
		println("ten")
		break
	}
	s := "b"
	switch s {
	case "a":
		println("A")
	case "b":
		println("B")
	}
}
