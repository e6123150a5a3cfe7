// run

// reflect.ArrayOf, SliceOf and MapOf give the program's own descriptor of the type when
// the program has it: the Type equals TypeOf's, and a type assertion to the static
// type accepts the values they make. Types the program lacks are made once per spelling.
package main

import (
	"fmt"
	"reflect"
)

type T struct{ A, B int }

func main() {
	s := reflect.TypeOf("")
	a8 := reflect.ArrayOf(8, s)
	fmt.Println(a8, a8 == reflect.TypeOf([8]string{}))
	m := map[[8]string]int{{"x"}: 7}
	v := reflect.New(a8).Elem()
	v.Index(0).SetString("x")
	fmt.Println(m[v.Interface().([8]string)])

	sl := reflect.SliceOf(reflect.TypeOf(T{}))
	fmt.Println(sl, sl == reflect.TypeOf([]T(nil)))
	x := reflect.MakeSlice(sl, 2, 2)
	x.Index(1).Field(0).SetInt(3)
	fmt.Println(x.Interface().([]T))

	mt := reflect.MapOf(s, reflect.TypeOf([]T(nil)))
	fmt.Println(mt, mt == reflect.TypeOf(map[string][]T{}))
	mm := reflect.MakeMap(mt)
	mm.SetMapIndex(reflect.ValueOf("k"), x)
	fmt.Println(len(mm.Interface().(map[string][]T)))

	// Not in the program: made, once.
	a3 := reflect.ArrayOf(3, reflect.TypeOf(T{}))
	fmt.Println(a3, a3 == reflect.ArrayOf(3, reflect.TypeOf(T{})), a3.Size(), a3.Comparable())
	var i interface{} = reflect.New(a3).Elem().Interface()
	fmt.Printf("%v %T\n", i, i)
}
