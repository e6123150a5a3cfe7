// run

// Comparisons of 8-, 16- and 32-bit values with constants whose top bit is set:
// the constant must be extended the way the value is (zero for unsigned, sign for
// signed), in switches, ifs and stored booleans.

package main

import "fmt"

func byteCase(b byte) string {
	switch b {
	case '\xff':
		return "ff"
	case 0x80:
		return "80"
	case 'a':
		return "a"
	}
	return "other"
}

func int8Case(b int8) string {
	switch b {
	case -128:
		return "min"
	case -1:
		return "m1"
	case 127:
		return "max"
	}
	return "other"
}

//go:noinline
func u16(x uint16) bool { return x == 0xffff }

//go:noinline
func u32(x uint32) bool { return x == 0xffffffff }

//go:noinline
func u32lt(x uint32) bool { return x < 0x80000000 }

//go:noinline
func i16(x int16) bool { return x == -32768 }

func main() {
	for _, b := range []byte{0xff, 0x80, 'a', 3, 0x7f} {
		fmt.Print(byteCase(b), " ")
	}
	fmt.Println()
	for _, b := range []int8{-128, -1, 127, 0} {
		fmt.Print(int8Case(b), " ")
	}
	fmt.Println()
	fmt.Println(u16(0xffff), u16(0x7fff), u32(0xffffffff), u32(1), u32lt(0x7fffffff), u32lt(0x80000000))
	fmt.Println(i16(-32768), i16(32767))
	var s uint32 = 0xfffffff0
	s += 0xffffffff
	fmt.Println(s)
}
