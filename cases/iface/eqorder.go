// run

package main

// Interface == of structs compares their string lengths and other fields before any
// string's bytes, as gc's generated equality does: strings whose data pointer is
// unreadable are never read when the lengths or an int already differ.

import (
	"fmt"
	"syscall"
	"unsafe"
)

type A struct {
	name string
	n    int
}

type B struct {
	x, y string
}

type C struct {
	tag  string
	v    interface{}
	more string
}

func unreadable(n int) string {
	page, err := syscall.Mmap(-1, 0, syscall.Getpagesize(), syscall.PROT_NONE,
		syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		panic(err)
	}
	hdr := struct {
		p unsafe.Pointer
		n int
	}{unsafe.Pointer(&page[0]), n}
	return *(*string)(unsafe.Pointer(&hdr))
}

func main() {
	bad := unreadable(4)
	pairs := [][2]interface{}{
		{A{bad, 1}, A{"good", 2}},
		{B{bad, "a"}, B{"good", "ab"}},
		{B{"ab", bad}, B{"cd", "good"}},
		{C{bad, 1, "a"}, C{"goodx", 1, "a"}},
		{C{"a", 1, bad}, C{"a", 2, "good"}},
		{C{"a", 1, bad}, C{"a", 1, "bc"}},
	}
	for i, p := range pairs {
		fmt.Println(i, p[0] == p[1])
	}
}
