// errorcheck

package main

type MyInt int

func f(int) {}

func g() string {
	return 1 // ERROR "cannot use 1 \(untyped int constant\) as string value in return statement"
}

func main() {
	var a int = "hello" // ERROR "cannot use .hello. \(untyped string constant\) as int value in variable declaration"
	var b string
	b = 3 // ERROR "cannot use 3 \(untyped int constant\) as string value in assignment"
	f("x") // ERROR "cannot use .x. \(untyped string constant\) as int value in argument to f"
	var c int8 = 300 // ERROR "cannot use 300 \(untyped int constant\) as int8 value in variable declaration \(overflows\)"
	var d uint = -1 // ERROR "cannot use -1 \(untyped int constant\) as uint value in variable declaration \(overflows\)"
	var e int = 1.5 // ERROR "cannot use 1\.5 \(untyped float constant\) as int value in variable declaration \(truncated\)"
	var h byte = 'ä' + 1000 // ERROR "cannot use 'ä' \+ 1000 \(untyped rune constant 1228\) as byte value in variable declaration \(overflows\)"
	_ = int8(200) // ERROR "cannot convert 200 \(untyped int constant\) to type int8"
	_ = string(1.5) // ERROR "cannot convert 1\.5 \(untyped float constant\) to type string"
	var m MyInt
	var n int = m // ERROR "cannot use m \(variable of type MyInt\) as type int in variable declaration"
	_ = []int("abc") // ERROR "cannot convert .abc. \(untyped string constant\) to type \[\]int"
	_, _, _, _, _, _, _ = a, b, c, d, e, h, n
}
