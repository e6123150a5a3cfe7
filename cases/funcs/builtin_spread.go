// run

// A builtin taking two arguments may take them from one call with two
// results; the call runs once, before the builtin.

package main

import (
	"fmt"
	"unsafe"
)

var calls int

func parts() (float32, float32) {
	calls++
	return 1.5, -2
}

func buffers(dst []byte) ([]byte, string) {
	calls++
	return dst, "hello"
}

func entry(m map[string]int) (map[string]int, string) {
	calls++
	return m, "b"
}

func base(a *[4]int16) (*int16, int) {
	calls++
	return &a[0], 3
}

func step(p unsafe.Pointer) (unsafe.Pointer, uintptr) {
	calls++
	return p, 2
}

func main() {
	c := complex(parts())
	fmt.Println(c, real(c), imag(c))

	dst := make([]byte, 3)
	n := copy(buffers(dst))
	fmt.Println(n, string(dst))

	m := map[string]int{"a": 1, "b": 2, "c": 3}
	delete(entry(m))
	fmt.Println(len(m), m["a"], m["c"])

	arr := [4]int16{10, 20, 30, 40}
	s := unsafe.Slice(base(&arr))
	fmt.Println(len(s), s)

	p := (*int16)(unsafe.Add(step(unsafe.Pointer(&arr[1]))))
	fmt.Println(*p)

	fmt.Println("calls:", calls)
}
