// run

// Slots of 3, 5, 6 or 7 bytes stay in the frame (no single move has their width: pass6
// once tried to load its 6-byte parameter into a register), 4-byte results of ^ and -
// are zero-extended when widened, and a uint16 constant operand of a division is
// 45991, not its int16 spelling -19545 sign-extended.

package main

type T6 struct{ a, b, c int16 }

type T3 struct{ a, b, c int8 }

var g32 uint32

var gu uint = 10

var g16 uint16 = 10

//go:noinline
func sum6(t T6) int { return int(t.a) + int(t.b) + int(t.c) }

//go:noinline
func sum3(t T3) int { return int(t.a) + int(t.b) + int(t.c) }

func main() {
	println(sum6(T6{1, 2, 3}), sum3(T3{4, 5, 6}), pass6(T6{7, 8, 9}))
	println(int(^g32), uint64(-uint32(gu)))
	println(45991%(g16|1), 45991/(g16|1))
}

//go:noinline
func pass6(t T6) int { return sum6(t) + 1 }
