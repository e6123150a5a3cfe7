// errorcheck

package main

func main() {
	var s []int
	var m map[string]int
	_ = append(1, 2) // ERROR "first argument to append must be a slice; have 1 \(untyped int constant\)"
	_ = append(s, "x") // ERROR "cannot use .x. \(untyped string constant\) as int value in argument to append"
	_ = make(int) // ERROR "invalid argument: cannot make int; type must be slice, map, or channel"
	_ = make([]int) // ERROR "invalid operation: make\(\[\]int\) expects 2 or 3 arguments; found 1"
	_ = make([]int, 1, 2, 3) // ERROR "invalid operation: make\(\[\]int, 1, 2, 3\) expects 2 or 3 arguments; found 4"
	_ = make(map[int]int, 1, 2) // ERROR "invalid operation: make\(map\[int\]int, 1, 2\) expects 1 or 2 arguments; found 3"
	_ = new(5) // ERROR "5 is not a type"
	copy(s) // ERROR "invalid operation: not enough arguments for copy\(s\) \(expected 2, found 1\)"
	copy(s, "abc") // ERROR "invalid argument: arguments to copy s \(variable of type \[\]int\) and .abc. \(untyped string constant\) have different element types int and byte"
	delete(s, 1) // ERROR "invalid argument: s \(variable of type \[\]int\) is not a map"
	delete(m, 1) // ERROR "cannot use 1 \(untyped int constant\) as string value in argument to delete"
	_ = cap(m) // ERROR "invalid argument: m \(variable of type map\[string\]int\) for cap"
	_ = len(5) // ERROR "invalid argument: 5 \(untyped int constant\) for len"
	_ = len // ERROR "len \(built-in\) must be called"
	_ = recover(1) // ERROR "invalid operation: too many arguments for recover\(1\) \(expected 0, found 1\)"
	panic() // ERROR "invalid operation: not enough arguments for panic\(\) \(expected 1, found 0\)"
	println(nil) // ERROR "use of untyped nil in argument to println"
	_ = make([]int, -1) // ERROR "invalid argument: index -1 \(constant of type int\) must not be negative"
	_ = make([]int, 10, 5) // ERROR "invalid argument: length and capacity swapped"
	_ = real("x") // ERROR "invalid argument: argument has type untyped string, expected complex type"
	_ = complex(1, "a") // ERROR "invalid operation: complex\(1, .a.\) \(mismatched types untyped float and untyped string\)"
}
