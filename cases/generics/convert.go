// run

// Conversions between type parameter types and to and from concrete types,
// string conversions over ~string and ~[]byte.

package main

import "fmt"

type Number interface {
	~int | ~int8 | ~int32 | ~int64 | ~uint8 | ~float32 | ~float64
}

func Conv[To, From Number](xs []From) []To {
	out := make([]To, len(xs))
	for i, x := range xs {
		out[i] = To(x)
	}
	return out
}

func ToString[S ~string | ~[]byte](s S) string { return string(s) }

func Bytes[S ~string](s S) []byte { return []byte(s) }

type MyStr string

func Half[T ~float32 | ~float64](x T) T { return x / 2 }

func main() {
	fmt.Println(Conv[int]([]float64{1.9, -2.5, 300}))
	fmt.Println(Conv[uint8]([]int{255, 256, 257}))
	fmt.Println(Conv[float32]([]int8{-128, 127}))
	fmt.Println(ToString(MyStr("abc")), ToString([]byte("xyz")))
	fmt.Println(Bytes(MyStr("hi")), Half(float32(3)), Half(5.0))
}
