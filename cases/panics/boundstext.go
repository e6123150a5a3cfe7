// run

// Bounds panics print as gc's: an array's or string's bound is its length, a slice's
// its capacity; a 3-index slice's low bound is checked last ([lo:hi:]); an index of
// unsigned type is printed unsigned, never as a negative number.
package main

import "fmt"

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	a := [3]int{1, 2, 3}
	s := a[:]
	str := "abc"
	big, neg, four := uint64(1<<64-1), -2, 4
	var u8 uint8 = 200
	var u32 uint32 = 1<<32 - 1
	try(func() { _ = a[1:four] })
	try(func() { _ = s[1:four] })
	try(func() { _ = str[1:four] })
	try(func() { _ = s[big:] })
	try(func() { _ = s[:big] })
	try(func() { _ = a[:u32] })
	try(func() { _ = s[u8] })
	try(func() { _ = s[big] })
	try(func() { _ = s[neg] })
	try(func() { _ = str[big] })
	two := 2
	try(func() { _ = s[two:1:3] })
	try(func() { _ = s[neg:1:3] })
	try(func() { _ = s[big:1:3] })
	try(func() { _ = s[0:big:3] })
	try(func() { _ = s[0:1:big] })
	try(func() { _ = a[0:1:four] })
	try(func() { _ = s[0:1:four] })
}
