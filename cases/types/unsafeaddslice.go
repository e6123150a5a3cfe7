// run

// unsafe.Add offsets by any integer type (negative too); unsafe.Slice makes {p, n, n}
// and panics as gc does for a nil pointer, a negative or oversized length and elements
// past the end of the address space.
package main

import (
	"fmt"
	"unsafe"
)

type pair struct{ a, b int32 }

func try(name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			fmt.Println(name, "panic:", err.Error())
			return
		}
		fmt.Println(name, "ok", r)
	}()
	f()
}

func main() {
	arr := [4]pair{{1, 2}, {3, 4}, {5, 6}, {7, 8}}
	p := unsafe.Pointer(&arr[0])
	q := (*pair)(unsafe.Add(p, unsafe.Sizeof(pair{})*2))
	fmt.Println(*q, *(*int32)(unsafe.Add(p, 4)), *(*pair)(unsafe.Add(unsafe.Pointer(q), -8)))
	var k uint8 = 3
	fmt.Println(*(*int32)(unsafe.Add(p, k*4)))
	s := unsafe.Slice(&arr[1], 3)
	fmt.Println(len(s), cap(s), s, &s[0] == &arr[1])
	s[2].b = 99
	fmt.Println(arr[3])
	fmt.Println(unsafe.Slice((*int)(nil), 0) == nil)
	var n64 uint64 = 1<<64 - 1
	var neg = -2
	try("nil", func() { _ = unsafe.Slice((*int)(nil), 1) })
	try("neg", func() { _ = unsafe.Slice(&arr[0], neg) })
	try("big", func() { _ = unsafe.Slice(&arr[0], n64) })
	try("huge", func() { _ = unsafe.Slice(new(uint64), 1<<61) })
	last := (*byte)(unsafe.Pointer(^uintptr(0)))
	try("last1", func() { _ = unsafe.Slice(last, 1) })
	try("last2", func() { _ = unsafe.Slice(last, 2) })
	b := unsafe.Slice((*byte)(unsafe.Pointer(&arr[0])), 8)
	fmt.Println(b)
}
