// run

// Operands of every predeclared integer type, strings and floats through fmt's
// verbs, with flags, widths, precisions, explicit argument indexes and star
// arguments, and the complaints for bad indexes, widths and missing or extra operands.
package main

import "fmt"

type myInt int

func main() {
	var i8 int8 = -8
	var i16 int16 = -16
	var i32 int32 = -32
	var i64 int64 = -64
	var u uint = 7
	var u8 uint8 = 200
	var u16 uint16 = 0xbeef
	var u32 uint32 = 1 << 31
	var u64 uint64 = 1<<64 - 1
	var up uintptr = 0x1000
	n := -12345
	fmt.Printf("%d %d %d %d %d %d\n", n, i8, i16, i32, i64, u)
	fmt.Printf("%v %v %v %v %v\n", u8, u16, u32, u64, up)
	fmt.Printf("%x %X %o %O %b %c %q %U\n", u16, u16, u8, u8, i8, 'x', 'y', 0x1F600)
	fmt.Printf("%#v %#v %#x %+d % d\n", u8, n, u64, u, n)
	fmt.Printf("|%6d|%-6d|%06d|%.3d|%8.4d|\n", n, i8, i16, u8, i32)
	fmt.Printf("|%s|%10s|%-10s|%.2s|%q|%x|\n", "hello", "hi", "hi", "hello", "a\"b", "hi")
	fmt.Printf("|%g|%.3f|%8.2e|%v|\n", 5.23184, 3.14159, 12345.678, float32(0.1))
	fmt.Printf("%[2]d %[1]d %d\n", 1, 2)
	fmt.Printf("%[3]*.[2]*[1]f|\n", 12.0, 2, 6)
	fmt.Printf("%*d|%-*d|%.*f|\n", 5, 42, 4, 7, 2, 3.14159)
	fmt.Printf("%[5]d %[0]d %[x]d\n", 1, 2)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, "extra", 2.5)
	fmt.Printf("%*d %.*d\n", "w", 1, "p", 2)
	fmt.Printf("%-*d|\n", -4, 3)
	fmt.Printf("%.[1]d|%[1].2d|\n", 9)
	fmt.Printf("%d %s %v\n", myInt(3), myInt(4), []int{1, 2})
	fmt.Printf("%s %d %t %z\n", 5, "x", 1, 2)
	fmt.Printf("%!\n")
	fmt.Printf("100%%\n")
	fmt.Println(n, i8, u8, u64, "s", 2.5, true, nil)
	fmt.Print(1, 2, "a", "b", 3, "\n")
	fmt.Println(fmt.Sprintf("%2d/%2d/%2d %d:%d:%d %s %s", 3, 4, 5, 11, 12, 13, "hello", "world"))
	x := 300
	s := "world"
	e := fmt.Sprint(x, s)
	x, s = 301, "changed"
	fmt.Println(e, x, s)
}
