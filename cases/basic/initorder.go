// run

package main

// Package variables start in gc's order: each declaration waits for the
// declarations of the variables it reads (through functions, closures and
// method values too, and even when those have no initialiser); one whose
// wait ends runs at once, the earliest declared first. Constants never wait.

var log = ""

func f(name string, _ ...interface{}) int {
	log += " " + name
	return len(log)
}

var _ = f("blank1", b2)
var _ = f("blank2", b3, b1)
var b1 = f("b1")
var b2 = f("b2")
var b3 = f("b3")

var c1 = f("c1", plain)
var c2 = f("c2", C)
var c3 = f("c3")
var plain int

const C = D + 1
const D = 2

var d1 = f("d1", viaFunc())
var d2 = f("d2")
var d3 = f("d3")

func viaFunc() int { return d3 }

var e1 = func() int {
	if false {
		_ = e3
	}
	return f("e1")
}()
var e2 = f("e2")
var e3 = f("e3")

type T int

func (T) M() int { return g3 }

var g1 = f("g1", T.M)
var g2 = f("g2")
var g3, g4 = f("g3"), f("g4")

var h1, h2 = pair(h3)
var h3 = f("h3")

func pair(int) (int, int) { return f("h1h2"), 0 }

func main() {
	println(log[1:])
}
