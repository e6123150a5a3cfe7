// run

// A composite literal evaluates the value it gives a blank field but stores
// nothing there: reflect reads zero.

package main

import (
	"fmt"
	"reflect"
)

type T struct {
	a, _, c int
	_       string
}

var x = struct{ a, _, c int }{1, 2, 3}
var y = T{1, 2, 3, "s"}
var z = []T{{4, 5, 6, "t"}}

func two() int { fmt.Println("two"); return 2 }

func main() {
	l := struct{ a, _, c int }{1, two(), 3}
	p := &T{7, 8, 9, "u"}
	w := [1]T{{7, two(), 9, "v"}}
	for _, v := range []interface{}{x, y, z[0], l, *p, w[0]} {
		rv := reflect.ValueOf(v)
		fmt.Println(rv.Field(1).Int(), rv.NumField())
	}
	fmt.Println(reflect.ValueOf(y).Field(3).Len())
}
