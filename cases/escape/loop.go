// errorcheck -0 -m -l

// Loop depth: a value allocated inside a loop that flows to a variable declared
// outside it escapes, because the stack slot would be reused by the next iteration.

package main

type T struct{ n int }

func outer(n int) int {
	var p *T
	for i := 0; i < n; i++ {
		p = &T{i} // ERROR "&T\{\.\.\.\} escapes to heap$"
	}
	return p.n
}

func inner(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		p := &T{i} // ERROR "&T\{\.\.\.\} does not escape$"
		s += p.n
	}
	return s
}

func outerAddr(n int) int {
	var p *int
	for i := 0; i < n; i++ {
		x := i // ERROR "moved to heap: x$"
		p = &x
	}
	return *p
}

func innerAddr(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		x := i
		p := &x
		s += *p
	}
	return s
}

func nested(n int) int {
	var e interface{}
	s := 0
	for i := 0; i < n; i++ {
		var f interface{}
		for j := 0; j < n; j++ {
			f = j // ERROR "j escapes to heap$"
			s += f.(int)
		}
		e = f
	}
	if e != nil {
		s++
	}
	return s
}

func rangeLoop(xs []int) int { // ERROR "xs does not escape$"
	var last interface{}
	s := 0
	for _, x := range xs {
		e := interface{}(x) // ERROR "\(interface \{\}\)\(x\) does not escape$"
		s += e.(int)
		last = x // ERROR "x escapes to heap$"
	}
	if last != nil {
		s++
	}
	return s
}

func gotoLoop(n int) int {
	var p *T
	i := 0
loop:
	p = &T{i} // ERROR "&T\{\.\.\.\} escapes to heap$"
	i++
	if i < n {
		goto loop
	}
	return p.n
}

func rangeVarAddr(xs []int) int { // ERROR "xs does not escape$"
	var p *int
	for _, x := range xs {
		p = &x
	}
	return *p
}

func main() {}
