// run

// Closures capture by value the variables never reassigned nor address-taken and at
// most 128 bytes (gc's rule); every other one by reference, whatever runs first. A
// named result set by `return` is reassigned; so is a variable a loop's post statement
// or another closure changes.

package main

import "fmt"

type T struct{ s [2]string }

func named() (r int) {
	defer func() { fmt.Println("deferred sees", r) }()
	return 5
}

func loop() []func() int {
	var fs []func() int
	for i := 0; i < 3; i++ {
		j := i * 10
		fs = append(fs, func() int { return i + j })
	}
	return fs
}

func main() {
	a := T{[2]string{"x", "y"}}
	var e interface{}
	func() { e = a.s }()
	fmt.Println(e)
	n := 3
	big := [40]int{1, 2, 3}
	g := func() int { return n + big[2] }
	fmt.Println(g())
	m := 4
	h := func() int { return m }
	m = 7
	fmt.Println(h())
	fmt.Println(named())
	for _, f := range loop() {
		fmt.Println(f())
	}
	k := 1
	inc := func() { k++ }
	inc()
	inc()
	fmt.Println(k)
	p := 2
	q := &p
	r := func() int { return p }
	*q = 9
	fmt.Println(r())
	s := "str"
	nested := func() func() string {
		return func() string { return s + a.s[0] }
	}
	fmt.Println(nested()())
	x, y := 1, 2
	u, v := func(z int) (int, int) { return x + z, y * z }(10)
	fmt.Println(u, v)
	defer func() { fmt.Println("defer", s, a.s[1]) }()
}
