// errorcheckwithauto -0 -l -live

// A non-escaping slice literal, ... argument or closure whose address reaches no
// variable (only the call it is passed to) dies with its statement (gc's transient
// objects): its stack temporary is reused by a later statement's of the same type,
// so one stack object stands for them.

package main

//go:noescape
func print3(...interface{})

//go:noescape
func call(func())

//go:noescape
func use(a []*int)

//go:noinline
func h() {}

func dots(b bool) {
	if b {
		print3((*int)(nil), (*int)(nil), (*int)(nil)) // ERROR "stack object .autotmp_[0-9]+ \[3\]interface \{\}$"
	}
	print3((*int)(nil), (*int)(nil), (*int)(nil))
	h()
}

func closures(b bool) {
	x := 0
	if b {
		call(func() { x++ }) // ERROR "stack object .autotmp_[0-9]+ struct \{ F uintptr; x \*int \}$"
	}
	call(func() { x++ })
	h()
}

func slices() {
	var p, q int
	use([]*int{&p, &q}) // ERROR "stack object .autotmp_[0-9]+ \[2\]\*int$"
	use([]*int{&q, &p})
	h()
}

func main() {
	dots(false)
	closures(false)
	slices()
}
