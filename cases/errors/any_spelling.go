// errorcheck

// types2 writes the universe's any as `any` and an interface{} written out as
// `interface{}`, though the two are identical types; the builtins' empty interfaces
// (recover's result) are `interface{}`.

package main

func byteCase(b byte) {}

func main() {
	var b any
	byteCase(b) // ERROR "cannot use b \(variable of type any\) as type byte in argument to byteCase:\n\tneed type assertion"
	var c interface{}
	byteCase(c) // ERROR "cannot use c \(variable of type interface\{\}\) as type byte in argument to byteCase:\n\tneed type assertion"
	var m map[string]any
	var n int = m // ERROR "cannot use m \(variable of type map\[string\]any\) as type int in variable declaration"
	var r int = recover() // ERROR "cannot use recover\(\) \(value of type interface\{\}\) as type int in variable declaration:\n\tneed type assertion"
	_, _ = n, r
}
