// run

// A conversion to a type parameter is never a constant, whatever the parameter is
// instantiated with: -T(27) is fine for T = uint64 (it wraps at run time), and
// T(1) << 70 is a shift of a non-constant, which yields 0.

package main

type Num interface {
	~int | ~int8 | ~uint8 | ~uint | ~uint64
}

func neg[T Num](a T) T {
	return a - (-T(27))
}

func shift[T Num](k int) T {
	return T(1) << (k + 70)
}

func wrap[T ~uint8 | ~int]() T {
	x := (T)(200)
	return x + x
}

type U8 uint8

func main() {
	println(neg[uint64](3), neg(uint(5)), neg(int8(100)), neg(U8(250)))
	println(shift[uint64](0), shift[int](-70), shift[U8](-63))
	println(wrap[uint8](), wrap[int](), wrap[U8]())
}
