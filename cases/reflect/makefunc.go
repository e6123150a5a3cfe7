// run

// reflect.MakeFunc: swaps over two types, mixed argument sizes, Call of a made
// func, recursion that grows the stack, variadic functions, gc's panics.
package main

import (
	"fmt"
	"reflect"
	"strings"
)

type pair struct {
	a int8
	s string
}

func main() {
	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var intSwap func(int, int) (int, int)
	fn := reflect.ValueOf(&intSwap).Elem()
	fn.Set(reflect.MakeFunc(fn.Type(), swap))
	fmt.Println(intSwap(1, 2))
	var strSwap func(string, string) (string, string)
	reflect.ValueOf(&strSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(strSwap), swap))
	fmt.Println(strSwap("a", "b"))
	mixed := reflect.MakeFunc(reflect.TypeOf(func(byte, pair, float64, []int) (pair, error) { return pair{}, nil }),
		func(in []reflect.Value) []reflect.Value {
			p := in[1].Interface().(pair)
			p.a += int8(in[0].Uint())
			p.s = strings.Repeat(p.s, len(in[3].Interface().([]int)))
			return []reflect.Value{reflect.ValueOf(p), reflect.Zero(reflect.TypeOf((*error)(nil)).Elem())}
		}).Interface().(func(byte, pair, float64, []int) (pair, error))
	fmt.Println(mixed(3, pair{4, "x"}, 1.5, []int{1, 2, 3}))
	r := reflect.MakeFunc(reflect.TypeOf(func(int) {}), func(in []reflect.Value) []reflect.Value {
		fmt.Println("called with", in[0].Int())
		return nil
	})
	r.Call([]reflect.Value{reflect.ValueOf(42)})
	var deep func(n int) int
	deep = reflect.MakeFunc(reflect.TypeOf(deep), func(in []reflect.Value) []reflect.Value {
		n := int(in[0].Int())
		if n == 0 {
			return []reflect.Value{reflect.ValueOf(0)}
		}
		var big [512]int
		big[n%512] = n
		return []reflect.Value{reflect.ValueOf(deep(n-1) + big[n%512])}
	}).Interface().(func(int) int)
	fmt.Println(deep(300))
	variadic := reflect.MakeFunc(reflect.TypeOf(fmt.Sprint), func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(fmt.Sprint(in[0].Len(), in[0].Interface()))}
	}).Interface().(func(...any) string)
	fmt.Println(variadic(1, "two", 3.0))
	for _, bad := range []func(in []reflect.Value) []reflect.Value{
		func(in []reflect.Value) []reflect.Value { return nil },
		func(in []reflect.Value) []reflect.Value { return []reflect.Value{reflect.ValueOf("s")} },
		func(in []reflect.Value) []reflect.Value { return []reflect.Value{{}} },
	} {
		func() {
			defer func() { fmt.Println(recover()) }()
			f := reflect.MakeFunc(reflect.TypeOf(func() int { return 0 }), bad).Interface().(func() int)
			f()
		}()
	}
	defer func() { fmt.Println(recover()) }()
	reflect.MakeFunc(reflect.TypeOf(1), swap)
}
