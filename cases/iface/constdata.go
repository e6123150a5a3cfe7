// run

package main

import "fmt"

type S string
type F float32
type N int

func (n N) String() string { return fmt.Sprintf("N(%d)", int(n)) }

type T bool

func (t T) String() string { return fmt.Sprint("T:", bool(t)) }

func show(es ...interface{}) {
	for _, e := range es {
		fmt.Printf("%T %v\n", e, e)
	}
}

func main() {
	// Constants converted to interfaces: the data word points at read-only data.
	show(5, 6, -3, int8(-2), uint16(65535), int32(-1<<31), true, false, "hello", "", S("x"),
		1.5, F(2.25), -0.0, 3+4i, complex64(1-2i), 'a', byte(200), uint64(1<<63), uintptr(42))
	var x interface{} = 7
	var y interface{} = 7
	fmt.Println(x == y, x == interface{}(7), x == interface{}(int64(7)))
	var s fmt.Stringer = N(12)
	var t fmt.Stringer = T(true)
	fmt.Println(s, t, s.String())
	m := map[interface{}]int{1: 1, "a": 2, 2.5: 3}
	fmt.Println(m[1], m["a"], m[2.5], len(m))
	for i := 0; i < 3; i++ {
		var e interface{} = 300
		n := e.(int)
		n++
		fmt.Println(n, e)
	}
}
