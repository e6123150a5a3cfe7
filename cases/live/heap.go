// errorcheckwithauto -0 -l -live
// refgo-only: refgo's temporaries are numbered apart from gc's, and a deferred loop closure is built by two allocations

// A closure that does not escape is a stack object (gc's struct { F uintptr; x *int })
// and the variables it captures by reference stay in the frame; a variable never
// reassigned (p here) is captured by value, the closure holding a copy. Calls through
// closures are indirect calls; a defer in a loop registers a heap closure with deferproc
// and runs it at deferreturn; f2's single defer is open-coded: its literal is a stack
// object whose address sits in a slot live at every call, called at the return.

package main

func h() {}

var sink *int

func f1() int {
	x := 1
	inc := func() { x++ } // ERROR "stack object .autotmp_[0-9]+ struct { F uintptr; x \*int }$"
	inc()
	h()
	return x
}

func f2(p *int) { // ERROR "live at entry to f2: p$"
	defer func() { sink = p }() // ERROR "stack object .autotmp_[0-9]+ struct { F uintptr; p \*int }$"
	h()                         // ERROR "live at call to h: .autotmp_[0-9]+$"
} // ERROR "live at indirect call: .autotmp_[0-9]+$"

func f4(p *int, n int) { // ERROR "live at entry to f4: p$"
	for i := 0; i < n; i++ {
		defer func() { sink = p }() // ERROR "live at call to newobject: p$" "live at call to newobject: p .autotmp_[0-9]+$" "live at call to deferproc: p$"
	}
	h()
}

func f3(f func(int) int) int { // ERROR "live at entry to f3: f$"
	h() // ERROR "live at call to h: f$"
	return f(1)
}

func main() {
	f1()
	f2(nil)
	f4(nil, 2)
	f3(func(i int) int { return i })
}
