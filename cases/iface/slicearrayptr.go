// run

// Converting a slice to an array pointer: the pointer aliases the slice's backing
// array; a nil slice gives nil; a too-short slice panics with a runtime.Error.

package main

import "runtime"

type Bytes []byte
type Quad [4]byte

func try(n int, s []byte) {
	defer func() {
		if r := recover(); r != nil {
			_, ok := r.(runtime.Error)
			println("panic:", r.(error).Error(), ok)
		}
	}()
	switch n {
	case 2:
		p := (*[2]byte)(s)
		println("ok", len(p), p[1])
	case 4:
		p := (*Quad)(s)
		p[3] = 'z'
		println("ok", len(p), string(s[3]))
	}
}

func main() {
	s := []byte("abcdef")
	p := (*[3]byte)(s[1:])
	p[0] = 'X'
	println(string(s), &p[0] == &s[1], len(p))
	var nilS []byte
	println((*[0]byte)(nilS) == nil, (*[0]byte)(s[:0]) != nil)
	try(2, s)
	try(4, Bytes(s))
	try(4, s[:3])
	try(2, nil)
}
