// run

package main

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		j := i
		fs = append(fs, func() int { return j * 10 })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	acc := 0
	add := func(n int) {
		acc += n
	}
	for i := 1; i <= 4; i++ {
		add(i)
	}
	println(acc)
	fib := func() func() int {
		a, b := 0, 1
		return func() int {
			r := a
			a, b = b, a+b
			return r
		}
	}()
	for i := 0; i < 10; i++ {
		print(fib(), " ")
	}
	println()
}
