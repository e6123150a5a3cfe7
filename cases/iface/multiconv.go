// run

// Results of a multi-value call converted to interface types: returned, declared,
// assigned with = and with := (existing interface-typed variables).

package main

import "fmt"

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

type S struct{ a, b int }

func pair() (int, *E)  { return 7, &E{"boom"} }
func two() (S, string) { return S{1, 2}, "two" }

func wrap() (interface{}, error) { return pair() }

func main() {
	v, err := wrap()
	fmt.Println(v, err)
	var a, b interface{} = two()
	fmt.Println(a, b)
	var x interface{}
	var e error
	x, e = pair()
	fmt.Println(x, e)
	n := 0
	x, n = two2()
	fmt.Println(x, n)
	y, e := pair()
	fmt.Println(y, e)
	var st fmt.Stringer
	_ = st
}

func two2() (S, int) { return S{3, 4}, 5 }
