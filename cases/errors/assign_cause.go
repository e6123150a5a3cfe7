// errorcheck

package main

// Why a value is not assignable, in types2's words: a pointer to an interface
// has no methods and implements nothing; an interface value whose dynamic type
// could be the target needs a type assertion.

type I interface{ M() }

type T struct{}

func (*T) M() {}

func get() *I { return nil }

func main() {
	var i I = &T{}
	var e interface{} = i
	var x I = get()  // ERROR "cannot use get\(\) \(value of type \*I\) as type I in variable declaration:\n\t\*I does not implement I \(type \*I is pointer to interface, not interface\)"
	var y *I = &T{}  // ERROR "cannot use &T{} \(value of type \*T\) as type \*I in variable declaration:\n\t\*T does not implement \*I \(type \*I is pointer to interface, not interface\)"
	var t *T = i     // ERROR "cannot use i \(variable of type I\) as type \*T in variable declaration:\n\tneed type assertion"
	var n int = e    // ERROR "cannot use e \(variable of type interface{}\) as type int in variable declaration:\n\tneed type assertion"
	_, _, _, _ = x, y, t, n
}
