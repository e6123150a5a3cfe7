// errorcheckwithauto -0 -l -live

// gc spells the empty interface `interface {}` in its stack object reports, as in
// its other reports: a map key passed by address and a non-escaping ... slice of
// interfaces are stack objects of that type.

package main

var mi map[interface{}]int

//go:noinline
func iface() interface{} { return nil }

func del(b bool) {
	if b {
		delete(mi, iface()) // ERROR "stack object .autotmp_[0-9]+ interface \{\}$"
	}
}

//go:noescape
func print3(...interface{})

func dots() {
	print3((*int)(nil), (*int)(nil), (*int)(nil)) // ERROR "stack object .autotmp_[0-9]+ \[3\]interface \{\}$"
}

func main() {
	del(false)
}
