// run

// reflect.SliceOf, ArrayOf, MapOf and StructOf: the made types' kinds, sizes, layout,
// strings and tags, values of them (==, maps keyed by a made struct), assignment to a
// named type of the same underlying type, and StructOf's panics.
package main

import (
	"fmt"
	"reflect"
)

type K struct {
	a, b int32
	c    float64
}

func main() {
	st := reflect.SliceOf(reflect.TypeOf(uint64(0)))
	at := reflect.ArrayOf(3, reflect.TypeOf(""))
	fmt.Println(st, st.Kind(), st.Elem(), st.Size(), st == reflect.SliceOf(reflect.TypeOf(uint64(0))))
	fmt.Println(at, at.Kind(), at.Len(), at.Size(), at.Comparable(), at.Align())
	a := reflect.New(at).Elem()
	a.Index(1).SetString("x")
	b := reflect.New(at).Elem()
	b.Index(1).SetString("x")
	fmt.Println(a.Interface() == b.Interface(), a.Len(), a.Index(1))
	s := reflect.MakeSlice(st, 2, 4)
	s.Index(1).SetUint(7)
	fmt.Println(s.Len(), s.Cap(), s.Index(1).Uint(), s.Type())
	mt := reflect.MapOf(reflect.TypeOf(K{}), reflect.TypeOf(true))
	m := reflect.MakeMap(mt)
	k := K{a: 1, b: 2, c: 3}
	m.SetMapIndex(reflect.ValueOf(k), reflect.ValueOf(true))
	fmt.Println(mt, mt.Key(), mt.Elem(), m.Len(), m.MapIndex(reflect.ValueOf(k)))
	type M map[K]bool
	var x M
	reflect.ValueOf(&x).Elem().Set(m)
	fmt.Println(x[k], len(x))
	sf := reflect.StructOf([]reflect.StructField{
		{Name: "A", Type: reflect.TypeOf(int8(0)), Tag: `json:"a"`},
		{Name: "B", Type: reflect.TypeOf(int64(0))},
		{Name: "C", Type: st},
		{Name: "_", PkgPath: "main", Type: reflect.TypeOf(0)},
		{Name: "_", PkgPath: "main", Type: reflect.TypeOf(0)},
	})
	fmt.Println(sf, sf.Size(), sf.NumField(), sf.Comparable())
	for i := 0; i < sf.NumField(); i++ {
		f := sf.Field(i)
		fmt.Println(f.Name, f.Type, f.Offset, f.Tag.Get("json"))
	}
	v := reflect.New(sf).Elem()
	v.Field(1).SetInt(-5)
	v.Field(2).Set(s)
	fmt.Printf("%v %+v\n", v.Field(1), v.Field(2).Interface())
	cmp := reflect.StructOf([]reflect.StructField{{Name: "X", Type: reflect.TypeOf("")}, {Name: "Y", Type: reflect.TypeOf(1.5)}})
	p, q := reflect.New(cmp).Elem(), reflect.New(cmp).Elem()
	p.Field(0).SetString("hi")
	q.Field(0).SetString("hi")
	fmt.Println(cmp, p.Interface() == q.Interface())
	q.Field(1).SetFloat(2)
	fmt.Println(p.Interface() == q.Interface())
	big := reflect.New(reflect.StructOf([]reflect.StructField{
		{Name: "F", Type: reflect.ArrayOf(5462, st)},
	}))
	fmt.Println(big.Elem().Type().Size(), big.Elem().Field(0).Len())
	defer func() { fmt.Println(recover()) }()
	reflect.StructOf([]reflect.StructField{{Name: "A", Type: st}, {Name: "A", Type: st}})
}
