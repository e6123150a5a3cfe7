// run

// reflect.ValueOf of a value an interface holds by pointer (not pointer-shaped)
// shares the interface's copy, as gc's flagIndir Value does: it allocates nothing,
// and the Value is not addressable.
package main

import (
	"fmt"
	"reflect"
	"runtime"
)

type S struct{ A, B, C int }

var sink reflect.Value

func main() {
	var i any = S{1, 2, 3}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for k := 0; k < 100; k++ {
		sink = reflect.ValueOf(i)
	}
	runtime.ReadMemStats(&after)
	fmt.Println("allocations:", after.Mallocs-before.Mallocs)
	v := reflect.ValueOf(i)
	fmt.Println(v.Field(1).Int(), v.CanAddr(), v.Field(2).CanSet(), v.Interface() == i)
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	c.Field(0).SetInt(9)
	fmt.Println(c.Interface(), v.Interface(), i)
}
