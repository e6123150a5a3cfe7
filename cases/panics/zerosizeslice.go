// run

// Slices of zero-size elements may be as long as an int allows; appending
// past that panics with growslice's "cap out of range".

package main

import (
	"fmt"
	"strings"
)

type E struct{}

const maxInt = int(^uint(0) >> 1)

func try(name string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			fmt.Println(name, "ok")
			return
		}
		s := r.(error).Error()
		fmt.Println(name, strings.Contains(s, "cap out of range"), strings.Contains(s, "len out of range"))
	}()
	f()
}

func main() {
	s := make([]E, maxInt)
	fmt.Println(len(s) == maxInt, cap(s) == maxInt)
	try("append one", func() { s = append(s, E{}) })
	try("append many", func() { s = append(s, make([]E, 3)...) })
	try("make neg", func() { n := -1; _ = make([]E, n) })
	t := make([][0]int, 5, 10)
	t = append(t, [0]int{}, [0]int{})
	fmt.Println(len(t), cap(t))
	var u []E
	for i := 0; i < 100; i++ {
		u = append(u, E{})
	}
	fmt.Println(len(u), len(u) <= cap(u))
	big := make([]E, maxInt-1)
	try("append to max", func() { big = append(big, E{}) })
	fmt.Println(len(big) == maxInt)
}
