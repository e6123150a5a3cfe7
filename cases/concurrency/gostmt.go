// errorcheck

// A go statement takes any call except a conversion or a builtin whose result
// would be discarded; its operands count as used and are checked as in any call.

package main

type T int

func (T) M(int) {}

type I interface{ M(int) }

func work(n int, s string) {}

func two() (int, int) { return 1, 2 }

func main() {
	var x []int
	var c chan int
	var t T
	var i I = t
	a := 1
	go work(a, "x")
	b := 2
	go work(b, 3) // ERROR "cannot use 3 \(untyped int constant\) as string value in argument to work"
	go len(x)     // ERROR "go discards result of len\(x\) \(value of type int\)"
	go T(1)       // ERROR "go requires function call, not conversion T\(1\) \(constant 1 of type T\)"
	go append(x, 1) // ERROR "go discards result of append\(x, 1\) \(value of type \[\]int\)"
	defer len(x)  // ERROR "defer discards result of len\(x\) \(value of type int\)"
	go close(c)
	go println(two())
	go copy(x, x)
	go func(n int) { _ = n }(a)
	go t.M(1)
	go i.M(2)
	go T.M(t, 3)
	f := i.M
	go f(4)
	go (work)(5, "y")
	go two()
	go panic(1)
}
