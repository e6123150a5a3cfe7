// run

// A switch nested in a case that falls through: the outer case still falls
// through to the next outer case, not into the inner switch's blocks.

package main

var n int

func classify(i int) {
	switch i {
	case 0:
		println("zero")
		fallthrough
	case 4:
		switch i >> (n & 7) {
		case -1:
			f := func(a int) int { return a }
			_ = f
		case 4:
			println("inner four")
			fallthrough
		case 5:
			println("inner five")
		}
		fallthrough
	case -2:
		println("minus two or after", i)
	default:
		println("default", i)
	}
}

func main() {
	for _, i := range []int{0, 4, -2, 9} {
		classify(i)
	}
}
