// errorcheck

package p

// A //go: directive attached to a declaration that does not take it is
// reported only once the package type-checked, as gc reports it while
// generating code: function flags on a var, const or type, //go:notinheap on
// a function or an alias, //go:noescape on a function with a body.

//go:noinline // ERROR "misplaced compiler directive"
var x int

//go:nosplit // ERROR "misplaced compiler directive"
const c = 1

//go:notinheap
//go:noinline // ERROR "misplaced compiler directive"
type T int

//go:notinheap // ERROR "misplaced compiler directive"
type A = int

//go:notinheap // ERROR "misplaced compiler directive"
func f() {
	//go:norace // ERROR "misplaced compiler directive"
	var y int
	_ = y
	//go:notinheap
	type L int
}

//go:noescape
func g(p *int) { // ERROR "can only use //go:noescape with external func implementations"
}

//go:noescape
//go:nosplit
func h(p *int)
