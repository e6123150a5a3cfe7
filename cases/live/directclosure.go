// errorcheck -0 -l -live

// A func literal called where it is written is a plain function whose leading
// parameters are its captured variables (gc's directClosureCall): by value when never
// reassigned nor address-taken and at most 128 bytes, else their addresses `&v`, in the
// order gc's noder captures them (an assignment's right side before its left).

package p

type T struct{ s [2]string }

func byRef() {
	var x, y interface{} // ERROR "stack object x interface \{\}$" "stack object y interface \{\}$"
	func() {             // ERROR "live at entry to byRef.func1: &y &x$"
		y = 1
		x = 2
	}()
	_, _ = x, y
}

func byVal(a T) { // ERROR "live at entry to byVal: a$"
	var x interface{} // ERROR "stack object x interface \{\}$"
	func() {          // ERROR "live at entry to byVal.func1: a &x$"
		x = a.s // ERROR "live at call to convT: &x$" "stack object a T$"
	}()
	_ = x
}
