// run

// defer and go of a method call on a nil interface panic at the statement,
// before the arguments are evaluated, as gc looks the method up there.

package main

import "fmt"

type Closer interface{ Close(int) }

type T int

func (t T) Close(n int) { fmt.Println("close", int(t), n) }

var fail bool

func arg(n int) int { fmt.Println("arg", n); return n }

func deferNil(x Closer) {
	defer x.Close(arg(1))
	fail = true
}

func goNil(x Closer) {
	go x.Close(arg(2))
	fail = true
}

func loopNil(x Closer) {
	for i := 0; i < 2; i++ {
		defer x.Close(arg(3 + i))
		fmt.Println("deferred", i)
		x = nil
	}
}

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover(), fail); fail = false }()
	f()
}

func main() {
	try("defer", func() { deferNil(nil) })
	try("go", func() { goNil(nil) })
	try("loop", func() { loopNil(T(7)) })
	try("ok", func() { deferNil(T(8)) })
}
