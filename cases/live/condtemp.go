// errorcheckwithauto -0 -l -live

// The temporaries of the right side of && and || are freed once it is evaluated,
// as gc's order pass frees them, so the rest of the condition reuses them: in
// (a || b) && c, c takes b's temporary. Those of the left side stay taken until the
// statement ends.

package main

var m map[interface{}]int

//go:noinline
func byteptr() *byte { return nil }

//go:noinline
func h() {}

func and() {
	if m[byteptr()] == 0 && // ERROR "stack object .autotmp_[0-9]+ interface \{\}$"
		m[byteptr()] == 0 { // ERROR "stack object .autotmp_[0-9]+ interface \{\}$"
		h()
	}
}

func mixed() {
	if (m[byteptr()] == 0 || // ERROR "stack object .autotmp_[0-9]+ interface \{\}$"
		m[byteptr()] == 0) && // ERROR "stack object .autotmp_[0-9]+ interface \{\}$"
		m[byteptr()] == 0 {
		h()
	}
}

func main() {
	and()
	mixed()
}
