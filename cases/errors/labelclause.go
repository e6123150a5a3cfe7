// errorcheck

// A label must label a statement: one that ends its case clause gets gc's syntax
// error at the colon, and nothing more (the clause after it is not a second error).

package main

func main() {
	x := 2
	switch x {
	case 1:
	done: // ERROR "missing statement after label"
	case 2:
		println("two")
	again: // ERROR "missing statement after label"
	default:
	}
	c := make(chan int)
	select {
	case v := <-c:
		println(v)
	out: // ERROR "missing statement after label"
	default:
	}
}
