// errorcheck

package main

func main() {
	var a, b, c int
	m := map[int]int{}
	ch := make(chan int)
	for a, b, c = range m { // ERROR "range clause permits at most two iteration variables"
	}
	for a, b = range ch { // ERROR "range over ch \(variable of type chan int\) permits only one iteration variable"
	}
	for a, b, c = range ch { // ERROR "permits only one iteration variable"
	}
	_, _, _ = a, b, c
}
