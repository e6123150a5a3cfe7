// run

// Non-escaping new(T), &T{...}, make([]T, const), slice literals and func literals are
// built in stack temporaries: each evaluation starts zeroed, pointers to heap objects
// stored in them survive collections, and pointers between them (and from a pending
// defer's arguments) survive stack growth.

package main

import (
	"fmt"
	"runtime"
)

type T struct {
	a, b int
	s    *string
	next *T
}

func loops() int {
	sum := 0
	for i := 0; i < 5; i++ {
		p := &T{a: i}
		q := new(int)
		*q += i + p.a + p.b // p.b and *q start at zero every iteration
		s := make([]int, 4)
		s[i%4] += *q
		for _, v := range s {
			sum += v
		}
		p.b = 100
		t := []int{i, i}
		t[0]++
		sum += t[0] + t[1]
	}
	return sum
}

func closures() int {
	n := 0
	fs := 0
	for i := 0; i < 4; i++ {
		j := i
		g := func() { n += j; fs++ }
		g()
		g()
	}
	var x int
	inc := func(d int) { x += d }
	for k := 0; k < 10; k++ {
		inc(k)
	}
	return n*1000 + fs*100 + x
}

func str(i int) *string {
	s := fmt.Sprint("value-", i)
	return &s
}

func gcDuring() string {
	p := &T{a: 1, s: str(1)}
	q := &T{a: 2, s: str(2), next: p}
	arr := make([]*string, 3)
	for i := range arr {
		arr[i] = str(10 + i)
	}
	f := func() string { return *q.s + *arr[0] }
	for i := 0; i < 3; i++ {
		runtime.GC()
		junk := make([]*string, 0, 1000)
		for k := 0; k < 1000; k++ {
			junk = append(junk, str(k))
		}
		_ = junk
	}
	return *p.s + " " + *q.next.s + " " + *arr[1] + " " + *arr[2] + " " + f()
}

func deep(n int, up *T) int {
	t := &T{a: n, next: up}
	name := fmt.Sprint(n % 7)
	t.s = &name
	buf := make([]int, 64) // a bigger frame: the stack moves more often
	buf[n%64] = n
	if n == 0 {
		runtime.GC()
		s := 0
		for x := t; x != nil; x = x.next {
			s += x.a + len(*x.s)
		}
		return s
	}
	r := deep(n-1, t)
	return r + buf[n%64] - n + t.a - n
}

type acc struct{ n, calls int }

func (a *acc) add(k int) { a.n += k; a.calls++ }

// deferDeep defers a method on a (a stack object of its caller), then grows the stack:
// the deferred call must still reach a at its new address.
func deferDeep(a *acc, depth int) int {
	defer a.add(depth)
	return grow(depth)
}

func grow(n int) int {
	var pad [32]int
	pad[n%32] = n
	if n == 0 {
		return 0
	}
	return grow(n-1) + pad[n%32] - n + 1
}

type lenS struct{ v *string }

func (l *lenS) add(k *int) { *k += len(*l.v) }

func main() {
	fmt.Println(loops())
	fmt.Println(closures())
	fmt.Println(gcDuring())
	a := &acc{}
	fmt.Println(deferDeep(a, 5000), a.n, a.calls)
	done := make(chan int)
	go func() {
		x := "abc"
		t := &T{s: &x}
		l := &lenS{v: t.s}
		k := 0
		l.add(&k)
		done <- deep(3000, t) + k
	}()
	fmt.Println(<-done)
}
