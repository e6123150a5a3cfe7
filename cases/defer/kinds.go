// errorcheck -0 -d=defer

// How each defer is compiled, in gc's words: open-coded when the function has at most
// 8 defers, none in a loop, and returns times defers at most 15; otherwise a record in
// the frame for a defer that runs at most once per call, or on the heap in a loop.

package main

var glob int

func use() {}

func switched(k int) {
	switch k {
	case 1:
		defer use() // ERROR "open-coded defer"
	default:
		defer println(k) // ERROR "open-coded defer"
	}
}

func forward(k int) {
	if k > 0 {
		goto done
	}
	defer use() // ERROR "open-coded defer"
done:
	use()
}

func nine() {
	defer use() // ERROR "stack-allocated defer"
	defer use() // ERROR "stack-allocated defer"
	defer use() // ERROR "stack-allocated defer"
	defer use() // ERROR "stack-allocated defer"
	defer use() // ERROR "stack-allocated defer"
	defer use() // ERROR "stack-allocated defer"
	defer use() // ERROR "stack-allocated defer"
	defer use() // ERROR "stack-allocated defer"
	defer use() // ERROR "stack-allocated defer"
}

func returns(k int) int {
	defer use() // ERROR "stack-allocated defer"
	defer use() // ERROR "stack-allocated defer"
	switch k {
	case 0:
		return 0
	case 1:
		return 1
	case 2:
		return 2
	case 3:
		return 3
	case 4:
		return 4
	case 5:
		return 5
	case 6:
		return 6
	}
	return 7
}

func fewReturns(k int) int {
	defer use() // ERROR "open-coded defer"
	switch k {
	case 0:
		return 0
	case 1:
		return 1
	}
	return 7
}

func ranged(xs []int) {
	defer use() // ERROR "stack-allocated defer"
	for _, x := range xs {
		defer println(x) // ERROR "heap-allocated defer"
	}
}

func literal() (n int) {
	defer func() { n++ }() // ERROR "open-coded defer"
	return glob
}

func main() {
	switched(1)
	forward(1)
	nine()
	returns(1)
	fewReturns(1)
	ranged(nil)
	println(literal())
}
