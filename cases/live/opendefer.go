// errorcheckwithauto -0 -l -live -d=defer

// An open-coded defer keeps its func value in a slot of its own, live at every call
// (a panic from any call runs it) and zeroed at entry, so not live there; the return
// calls it through the slot, or directly when it is a declared function or a literal
// without captures (the slot stays live through that call too).

package main

func printnl()

//go:noinline
func call(f func()) { f() } // ERROR "live at entry to call: f$"

func done() {}

func f1(p *int) { // ERROR "live at entry to f1: p$"
	defer done() // ERROR "open-coded defer"
	printnl()    // ERROR "live at call to printnl: p .autotmp_[0-9]+$"
	*p = 1
	return // ERROR "live at call to done: .autotmp_[0-9]+$"
}

func f2(b bool) {
	x := 0
	if b {
		defer call(func() { x++ }) // ERROR "open-coded defer" "stack object .autotmp_[0-9]+ struct \{"
	}
	printnl() // ERROR "live at call to printnl: .autotmp_[0-9]+$"
	return    // ERROR "live at indirect call: .autotmp_[0-9]+$"
}

func f3(fn func()) { // ERROR "live at entry to f3: fn$"
	defer fn() // ERROR "open-coded defer"
	printnl()  // ERROR "live at call to printnl: .autotmp_[0-9]+$"
} // ERROR "live at indirect call: .autotmp_[0-9]+$"

func main() {
	x := 0
	f1(&x)
	f2(true)
	f3(done)
}
