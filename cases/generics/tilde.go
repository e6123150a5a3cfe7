// run

// ~ constraints accept defined types with the listed underlying types, and the
// result keeps the argument's defined type.

package main

import "fmt"

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64
}

type Float interface{ ~float32 | ~float64 }

type Number interface {
	Integer | Float
}

type Celsius float64
type Count int16

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Max[T Integer | Float](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Abs[T Number](x T) T {
	if x < 0 {
		return -x
	}
	return x
}

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.25))
	c := Sum(Celsius(20.5), Celsius(-3))
	fmt.Printf("%v %T\n", c, c)
	n := Max(Count(7), Count(9))
	fmt.Printf("%v %T\n", n, n)
	fmt.Println(Abs(int8(-128)), Abs(-2.5), Abs(Count(-3)))
	fmt.Println(Sum[int64](), Max[float32](1.5, -1))
}
