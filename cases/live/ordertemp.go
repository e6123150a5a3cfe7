// errorcheckwithauto -0 -l -live

// A temporary that serves one statement only (a map key or channel value passed by
// address to the runtime) is freed when the statement ends, and a later statement
// reuses it for a value of the same type, as gc's order pass does: one stack object
// stands for all of them.

package main

var m2 map[[2]string]*byte
var mi map[interface{}]int
var ch chan *byte
var b bool

//go:noinline
func key() [2]string { return [2]string{} }

//go:noinline
func iface() interface{} { return nil }

//go:noinline
func byteptr() *byte { return nil }

//go:noescape
func use(*byte)

func keys() {
	var z *byte
	if b {
		z = m2[key()] // ERROR "stack object .autotmp_[0-9]+ \[2\]string$"
	}
	z = m2[key()]
	z = m2[[2]string{"x", "y"}]
	use(z)
}

func deletes() {
	if b {
		delete(mi, iface()) // ERROR "stack object .autotmp_[0-9]+ interface \{\}$"
	}
	delete(mi, iface())
}

func sends() {
	if b {
		ch <- byteptr() // ERROR "stack object .autotmp_[0-9]+ \*byte$"
	}
	ch <- byteptr()
}

func main() {
	keys()
	deletes()
	sends()
}
