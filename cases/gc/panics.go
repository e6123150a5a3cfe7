// run

package main

import "runtime"

// Deferred calls allocate (and collect) while a panic unwinds, including a nil
// dereference caught by the signal handler; recovered values and the locals of the
// panicking frames must survive.

type T struct {
	next *T
	val  int
}

var sink []*T

func churn(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		t := &T{val: i}
		sink = append(sink, t)
		if len(sink) > 100 {
			sink = sink[50:]
		}
		s += len(make([]byte, 512))
	}
	runtime.GC()
	return s
}

func nilDeref(keep *T) (res int) {
	defer func() {
		r := recover()
		err, _ := r.(error)
		res = churn(20000) + keep.val + len(err.Error())
	}()
	var p *T
	return p.val
}

func explicit(keep *T) (res string) {
	defer func() {
		res = recover().(string) + "!"
		churn(20000)
		res += string(rune('0' + keep.next.val))
	}()
	msg := "boom"
	for i := 0; i < 3; i++ {
		msg += "-" + string(rune('a'+i))
	}
	panic(msg)
}

func main() {
	keep := &T{next: &T{val: 7}, val: 40}
	println(nilDeref(keep))
	println(explicit(keep))
	println(keep.val, keep.next.val, len(sink))
}
