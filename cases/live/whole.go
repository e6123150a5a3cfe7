// errorcheckwithauto -0 -l -live

// gc names a variable whole unless SSA splits it into parts: a parameter or result,
// an array of more than one element or a struct of more than four fields is one name,
// live while any of its pointer words is; a split local is named by its pointer
// parts (an interface's data word; its type word is no pointer to gc). Names come in
// gc's stack layout order: arguments by offset, then decreasing size, then by name.

package main

var sink interface{}

//go:noinline
func h() {}

func res() (x [10]*int) {
	x = [10]*int{}
	x[0] = new(int) // ERROR "live at call to newobject: x$"
	h()             // ERROR "live at call to h: x$"
	return x
}

func dots(a ...*int) { // ERROR "live at entry to dots: a$"
	sink = a[0]
}

type big struct{ a, b, c, d, e *int }

//go:noinline
func mkb() (b [3]*int) { return }

//go:noinline
func mkg() (g big) { return }

func locals(s1 string) { // ERROR "live at entry to locals: s1$"
	var s string = s1 + "x"
	var e interface{} = sink
	b := mkb() // ERROR "live at call to mkb: e.data s.ptr$"
	g := mkg() // ERROR "live at call to mkg: b e.data s.ptr$"
	h()        // ERROR "live at call to h: g b e.data s.ptr$"
	if b[0] == g.a {
		println(s, e) // ERROR "live at call to printlock: e.data s.ptr$" "live at call to printstring: e.data$" "live at call to printsp: e.data$"
	}
}

func main() {
	_ = res()
	dots(nil) // ERROR "stack object .autotmp_[0-9]+ \[1\]\*int$"
	locals("")
}
