// errorcheck

package main

const big = 1 << 600 // ERROR "constant shift overflow"
const huge = 1 << 500 * (1 << 500) // ERROR "constant multiplication overflow"
const f32 float32 = 1e40 // ERROR "cannot use 1e40 \(untyped float constant 1e\+40\) as float32 value in constant declaration \(overflows\)"
const i8 int8 = 128 // ERROR "cannot use 128 \(untyped int constant\) as int8 value in constant declaration \(overflows\)"
const u uint = -3 // ERROR "cannot use -3 \(untyped int constant\) as uint value in constant declaration \(overflows\)"
const str string = 1 // ERROR "cannot use 1 \(untyped int constant\) as string value in constant declaration"
const b bool = "x" // ERROR "cannot use .x. \(untyped string constant\) as bool value in constant declaration"

var arr [3]int
var n = 2
var a2 [n]int // ERROR "invalid array length n"
var a3 [-1]int // ERROR "invalid array length -1 \(untyped int constant\)"

func main() {
	_ = arr[5] // ERROR "invalid argument: index 5 out of bounds \[0:3\]"
	_ = arr[-1] // ERROR "invalid argument: index -1 \(constant of type int\) must not be negative"
	_ = "abc"[10] // ERROR "invalid argument: index 10 out of bounds \[0:3\]"
	var s []int
	_ = s[1.5] // ERROR "1\.5 \(untyped float constant\) truncated to int"
	_ = s["x"] // ERROR "cannot convert .x. \(untyped string constant\) to int"
	_ = s[2:1] // ERROR "invalid slice indices: 1 < 2"
	_ = arr[1:2:1] // ERROR "invalid slice indices: 1 < 2"
	const c int8 = 100
	_ = c * 2 // ERROR "c \* 2 \(constant 200 of type int8\) overflows int8"
	_ = uint8(255) + 1 // ERROR "uint8\(255\) \+ 1 \(constant 256 of type uint8\) overflows uint8"
	_ = 5 / 0.0 // ERROR "invalid operation: division by zero"
}
