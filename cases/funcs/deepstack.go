// run

// Deep recursion grows the goroutine stack by copying it: pointers into the stack
// (locals passed by address, slices of stack arrays, closures, interface values of
// stack temporaries, deferred calls and recover) must all follow the move.

package main

import "fmt"

type node struct {
	val  int
	next *node
}

// walk recurses n levels, each frame holding a local whose address the next level
// reads through a chain of stack pointers.
func walk(n int, prev *node) int {
	local := node{val: n, next: prev}
	if n == 0 {
		s := 0
		for p := &local; p != nil; p = p.next {
			s += p.val
		}
		return s
	}
	return walk(n-1, &local)
}

func sumSlice(n int, acc []int) int {
	var buf [8]int
	buf[n%8] = n
	s := buf[:]
	if n == 0 {
		t := 0
		for _, v := range acc {
			t += v
		}
		return t + s[0]
	}
	return sumSlice(n-1, append(acc[:len(acc):len(acc)], s[n%8]))
}

type adder interface{ add(int) int }

type base struct{ k int }

func (b base) add(x int) int { return b.k + x }

func viaIface(n int, a adder) int {
	if n == 0 {
		return a.add(0)
	}
	b := base{k: 1}
	var x adder = b
	return viaIface(n-1, x) + a.add(0) - 1
}

func closures(n int) func() int {
	v := n
	f := func() int { return v }
	if n == 0 {
		return f
	}
	g := closures(n - 1)
	return func() int { return f() + g() }
}

func deferDeep(n int, out *int) {
	defer func() { *out += n }()
	if n > 0 {
		deferDeep(n-1, out)
	}
}

func recoverDeep(n int) (r int) {
	defer func() {
		if e := recover(); e != nil {
			r = e.(int) + deep(20000)
		}
	}()
	if n == 0 {
		panic(7)
	}
	return recoverDeep(n - 1)
}

func deep(n int) int {
	var pad [16]int
	pad[n%16] = 1
	if n == 0 {
		return pad[0]
	}
	return deep(n-1) + pad[n%16]
}

func main() {
	fmt.Println(walk(100000, nil))
	fmt.Println(sumSlice(3000, nil))
	fmt.Println(viaIface(50000, base{k: 5}))
	fmt.Println(closures(2000)())
	total := 0
	deferDeep(30000, &total)
	fmt.Println(total)
	fmt.Println(recoverDeep(10000))
	fmt.Println(deep(1000000))
}
