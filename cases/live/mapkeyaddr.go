// errorcheckwithauto -0 -l -live

// A map call that takes its key by address is given the address of a key that is a
// package-level variable, as gc gives it: no temporary. Any other key, a local
// variable too, is copied into a temporary, a stack object.

package main

var m2 map[[2]string]*byte
var x2 [2]string
var b bool

//go:noinline
func key() [2]string { return [2]string{} }

func global(p *byte) { // ERROR "live at entry to global: p$"
	if b {
		m2[x2] = p // ERROR "live at call to mapassign: p$"
	}
	m2[x2] = p // ERROR "live at call to mapassign: p$"
	delete(m2, x2)
	_ = m2[x2]
}

func local(p *byte) { // ERROR "live at entry to local: p$"
	k := key() // ERROR "live at call to key: p$"
	m2[k] = p  // ERROR "live at call to mapassign: p$" "stack object .autotmp_[0-9]+ \[2\]string$"
}

func main() {
	global(nil)
	local(nil)
}
