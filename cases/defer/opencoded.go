// run

// Open-coded defers (at most 8, none in a loop, few returns: the frame's returns call
// them) and frame-allocated ones, with panics unwinding through them: recover, named
// results changed by deferred closures, nested panics, runtime.Goexit, a nil
// dereference in a frameless leaf, and stacks that move while defers are pending.

package main

import (
	"fmt"
	"runtime"
)


func f41(p, q *int) (r *int) {
	r = p
	defer func() {
		recover()
	}()
	r = q
	return
}

func named() (x int) {
	defer func() { x *= 2 }()
	x = 21
	return
}

func rec() (x int) {
	defer func() {
		if e := recover(); e != nil {
			fmt.Println("recovered", e)
			x = 7
		}
	}()
	defer fmt.Println("second defer runs first")
	var m map[string]int
	m["a"] = 1
	return 3
}

func nilrec() (s string) {
	defer func() { recover(); s += "!" }()
	s = "nil"
	var p *int
	_ = *p
	return "unreached"
}

func cond(b bool) {
	if b {
		defer fmt.Println("cond A")
	}
	defer fmt.Println("cond B")
	fmt.Println("body")
}

func nested() {
	defer func() { fmt.Println("outer recover:", recover()) }()
	defer func() {
		defer func() { fmt.Println("inner recover:", recover()) }()
		panic("second")
	}()
	panic("first")
}

func loop() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop", i)
	}
	defer fmt.Println("after loop")
}

func mainB() {
	a, b := 1, 2
	fmt.Println(*f41(&a, &b))
	fmt.Println(named())
	fmt.Println(rec())
	fmt.Println(nilrec())
	cond(true)
	cond(false)
	nested()
	loop()
}


var sink []int

func deep(n int) int {
	var buf [64]int
	buf[n%64] = n
	if n == 0 {
		return buf[0]
	}
	return deep(n-1) + buf[n%64]
}

func many(x int) (r int) {
	defer func() { r += 1 }()
	defer func() { r += 2 }()
	defer func() { r += 3 }()
	defer func() { r += 4 }()
	defer func() { r += 5 }()
	defer func() { r += 6 }()
	defer func() { r += 7 }()
	defer func() { r += 8 }()
	defer func() { r *= 10; deep(2000) }()
	deep(3000)
	return x
}

func manyPanic() (r int) {
	defer func() {
		if e := recover(); e != nil {
			r = 100
		}
	}()
	defer func() { r += 2 }()
	defer func() { r += 3 }()
	defer func() { r += 4 }()
	defer func() { r += 5 }()
	defer func() { r += 6 }()
	defer func() { r += 7 }()
	defer func() { r += 8 }()
	defer func() { deep(2000); r += 9 }()
	deep(3000)
	var a []int
	_ = a[5]
	return 1
}

func mixed(n int) (s string) {
	defer func() {
		if e := recover(); e != nil {
			s += fmt.Sprint("|rec:", e)
		}
	}()
	for i := 0; i < n; i++ {
		defer func(i int) { s += fmt.Sprint(" loop", i) }(i)
	}
	defer func() { s += " top" }()
	if n > 1 {
		panic("boom")
	}
	return "ret"
}

func openInner() (s string) {
	defer func() { s += " open-outer" }()
	func() {
		defer func() { s += " open-inner"; deep(1000) }()
		s = "start"
	}()
	return s
}

func goexitOpen(done chan string) {
	s := ""
	defer func() { done <- s + " exited" }()
	func() {
		defer func() { s += "inner" }()
		runtime.Goexit()
	}()
}

func mainC() {
	fmt.Println(many(5))
	fmt.Println(manyPanic())
	fmt.Println(mixed(0))
	fmt.Println(mixed(3))
	fmt.Println(openInner())
	done := make(chan string)
	go goexitOpen(done)
	fmt.Println(<-done)
}

type T struct{ a, b int }

//go:noinline
func load(p *T) int { return p.b }

var got interface{}

func leaf() int {
	defer func() {
		got = recover()
	}()
	return load(nil)
}

func main() {
	mainB()
	mainC()
	fmt.Println(leaf(), got)
}
