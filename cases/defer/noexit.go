// run

// A function whose open-coded defers are all it records: its exit is unreachable
// (a fault, then an endless loop) and it makes no call, so the panic must still find
// its pending defers. The first one reads an array of the frame through an argument
// after the second has grown the stack.

package main

const n = 16

var nilp *int

func deep(k int) int {
	if k == 0 {
		return 0
	}
	return deep(k-1) + 1
}

func main() {
	var a [n]int
	for i := range a {
		a[i] = i * 3
	}
	defer func(p *[n]int) {
		r := recover()
		sum := 0
		for _, v := range p {
			sum += v
		}
		println("recovered:", r != nil, "sum:", sum)
	}(&a)
	defer func() {
		println("depth:", deep(2000))
	}()
	*nilp = 1
	for {
	}
}
