// run

// A three-stage pipeline: a generator, a squarer and a filter, each a goroutine
// connected by unbuffered channels and closing its output when done.

package main

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			out <- v * v
		}
		close(out)
	}()
	return out
}

func odd(in <-chan int) <-chan int {
	out := make(chan int, 2)
	go func() {
		defer close(out)
		for v := range in {
			if v%2 == 1 {
				out <- v
			}
		}
	}()
	return out
}

func main() {
	sum := 0
	for v := range odd(square(gen(20))) {
		println(v)
		sum += v
	}
	println("sum", sum)
}
