// run

package main

// Slicing a nil pointer to an array panics even when no element is read, as gc's
// explicit nil check makes it (the array may be larger than the unmapped page).

import "fmt"

type Big [1 << 30]byte

var q *Big

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	var p *[4]int
	try("full", func() { _ = p[:] })
	try("from", func() { _ = p[1:] })
	try("three", func() { _ = p[0:2:3] })
	try("big", func() { s := q[0:]; fmt.Println(len(s)) })
	try("range", func() {
		for i := range p[:] {
			_ = i
		}
	})
	try("len", func() { fmt.Println(len(p), cap(p)) })
}
