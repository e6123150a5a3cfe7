// run

// Closures inside generic functions capture type parameter values; generic
// function instances as func values.

package main

import "fmt"

func Counter[T int | float64](step T) func() T {
	var n T
	return func() T {
		n += step
		return n
	}
}

func Memo[K comparable, V any](f func(K) V) (func(K) V, *int) {
	cache := map[K]V{}
	misses := 0
	return func(k K) V {
		if v, ok := cache[k]; ok {
			return v
		}
		misses++
		v := f(k)
		cache[k] = v
		return v
	}, &misses
}

func Apply[T any](f func(T) T, x T, n int) T {
	for i := 0; i < n; i++ {
		x = f(x)
	}
	return x
}

func Double[T int | string](x T) T { return x + x }

func main() {
	c := Counter(2)
	c()
	c()
	fmt.Println(c())
	f := Counter(0.5)
	f()
	fmt.Println(f())
	sq, misses := Memo(func(x int) int { return x * x })
	fmt.Println(sq(3), sq(4), sq(3), *misses)
	d := Double[int]
	var ds func(string) string = Double[string]
	fmt.Println(Apply(d, 1, 10), Apply(ds, "ab", 2))
	fmt.Printf("%T\n", d)
}
