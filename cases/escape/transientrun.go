// run

// Non-escaping slice literals, ... arguments and closures passed only to a call are
// built in stack temporaries later statements reuse; those a variable holds are not
// reused, and two in one statement are distinct.

package main

//go:noinline
func sum(a []int) int {
	n := 0
	for _, v := range a {
		n = n*10 + v
	}
	return n
}

//go:noinline
func dots(a ...int) int { return sum(a) }

//go:noinline
func call(f func() int) int { return f() }

func main() {
	s := []int{1, 2, 3}
	println(sum([]int{4, 5, 6}))
	println(sum([]int{7, 8, 9}) + sum([]int{1, 1, 1}), sum(s))
	t := []int{9, 9, 9}
	println(sum([]int{2, 2, 2}), sum(t), sum(s), dots(3, 4, 5), dots(5, 4, 3))
	x, y := 1, 2
	f := func() int { return x * 100 }
	println(call(func() int { return x + y }), call(func() int { return y - x }), f())
	for i := 0; i < 3; i++ {
		println(sum([]int{i, i + 1, i + 2}), dots(i, i), sum(t), sum(s))
	}
	println(call(f), sum(s), sum(t))
}
