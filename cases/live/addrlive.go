// errorcheckwithauto -0 -l -live

// An address-taken variable is a stack object, scanned at every call, yet gc reports
// it live only up to the last place its address is taken (whoever gets the address
// may read what was written before): x is live across the first call that is given
// &x, not across the last. A local that only ever holds such an address is no
// variable of its own to gc (it recomputes the address where it is used), so a read
// through it keeps the variable pointed to live.

package main

//go:noescape
func use(**int)

//go:noinline
func num(int) {}

func twice() {
	var x *int // ERROR "stack object x \*int$"
	use(&x)    // ERROR "live at call to use: x$"
	use(&x)
	num(0)
}

func branches(b bool) {
	if b {
		var x *int // ERROR "stack object x \*int$"
		use(&x)    // ERROR "live at call to use: x$"
		use(&x)
	} else {
		var y *int // ERROR "stack object y \*int$"
		use(&y)
		num(1)
	}
	num(2)
}

func through(b bool) {
	var z **int
	x := new(int) // ERROR "stack object x \*int$"
	*x = 42
	z = &x
	num(**z) // ERROR "live at call to num: x$"
	if b {
		num(1)
		return
	}
	for i := 0; i < 2; i++ {
		num(**z) // ERROR "live at call to num: x$"
	}
	num(3)
}

func main() {
	twice()
	branches(true)
	through(false)
}
