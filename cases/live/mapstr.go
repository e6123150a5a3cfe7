// errorcheckwithauto -0 -l -live

// A map with a string key and an element of at most 128 bytes goes through gc's
// string-keyed runtime calls, the key passed by value: no addressable copy of it is
// made (no stack object). In m[k] = v a map that is a variable is read at the call,
// after the key and value are computed, so it is live across none of their calls.

package main

var ms map[string]*byte

//go:noinline
func key() string { return "k" }

//go:noinline
func val() *byte { return nil }

func assign(p *byte) { // ERROR "live at entry to assign: p$"
	ms[key()] = p // ERROR "live at call to key: p$" "live at call to mapassign_faststr: p$"
}

func temps() {
	ms[key()] = val() // ERROR "live at call to val: .autotmp_[0-9]+$" "live at call to mapassign_faststr: .autotmp_[0-9]+$"
}

func main() {
	assign(nil)
	temps()
}
