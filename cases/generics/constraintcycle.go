// run

// A constraint's union may name a type whose declaration is still being checked
// (MyStruct's field instantiates I, whose constraint names MyStruct).

package main

import "fmt"

type JsonRaw []byte

type MyStruct struct {
	x *I[JsonRaw]
}

type IConstraint interface {
	JsonRaw | MyStruct
}

type I[T IConstraint] struct {
	v T
}

func (i I[T]) Len() int { return len(fmt.Sprint(i.v)) }

func main() {
	var x I[JsonRaw]
	fmt.Printf("%v %T\n", x, x)
	y := MyStruct{x: &I[JsonRaw]{v: JsonRaw("ab")}}
	fmt.Println(string(y.x.v), y.x.Len())
	var z I[MyStruct]
	fmt.Printf("%v %d\n", z.v.x == nil, z.Len())
}
