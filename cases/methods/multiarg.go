// run

// f(g()) with a multi-value g: results passed as the arguments of plain, variadic,
// method, interface, closure, deferred and builtin (println) calls; g runs once.

package main

func swap(a, b int) (int, int) { return b, a }

var calls int

func three() (int, string, *int) {
	calls++
	x := 5
	return calls, "s", &x
}

func take(a int, s string, p *int) { println(a, s, *p) }

func vari(xs ...int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

type T struct{ k int }

func (t T) Add(a, b int) int { return t.k + a + b }

type I interface{ Add(a, b int) int }

func main() {
	a, b := swap(swap(1, 2))
	println(a, b)
	println(swap(3, 4))
	take(three())
	println(vari(swap(10, 20)))
	var i I = T{100}
	println(T{1}.Add(swap(1, 2)), i.Add(swap(5, 6)))
	defer take(three())
	f := func(x, y int) int { return x - y }
	println(f(swap(1, 10)))
	println("calls", calls)
}
