// run

// reflect.PointerTo: the compiler's *T where the program has one (methods included),
// a made *T otherwise, the same one each time, usable by New, Addr and Set; and
// Value.UnsafeAddr.
package main

import (
	"fmt"
	"reflect"
	"unsafe"
)

type S int

func (s S) M() string  { return fmt.Sprint("M of ", int(s)) }
func (s *S) P() string { return "P" }

type pt struct{ x, y int }

func main() {
	t := reflect.TypeOf(S(0))
	p := reflect.PointerTo(t)
	fmt.Println(p, p.Kind(), p.Elem() == t, p == reflect.TypeOf((*S)(nil)), p.NumMethod())
	fn, ok := p.MethodByName("M")
	fmt.Println(fn.Name, ok, fn.Type)
	v := reflect.New(t)
	v.Elem().SetInt(7)
	fmt.Println(fn.Func.Call([]reflect.Value{v})[0])
	for _, et := range []reflect.Type{reflect.TypeOf([]pt{}), reflect.TypeOf(map[string][2]int{}), reflect.TypeOf(struct{ A, B int8 }{})} {
		pt := reflect.PtrTo(et)
		fmt.Println(pt, pt.Kind(), pt.Size(), pt.Elem() == et, pt == reflect.PointerTo(et), pt.Comparable())
		n := reflect.New(et)
		fmt.Println(n.Type() == pt, n.Elem().Kind(), n.Elem().CanSet())
		pp := reflect.New(pt)
		pp.Elem().Set(n)
		fmt.Println(pp.Type(), pp.Elem().Elem().Type() == et, pp.Elem().Pointer() == n.Pointer())
	}
	a := reflect.ValueOf(&struct{ F []pt }{}).Elem().Field(0)
	fmt.Println(a.Addr().Type(), a.Addr().Interface().(*[]pt) != nil)
	fmt.Println(reflect.PointerTo(reflect.PointerTo(reflect.TypeOf([3]bool{}))))
}

func init() {
	n := 10
	v := reflect.ValueOf(&n).Elem()
	*(*int)(unsafe.Pointer(v.UnsafeAddr())) = 11
	fmt.Println(n, v.UnsafeAddr() == uintptr(unsafe.Pointer(&n)))
	for _, bad := range []reflect.Value{reflect.ValueOf(n), {}} {
		func() {
			defer func() { fmt.Println(recover()) }()
			bad.UnsafeAddr()
		}()
	}
}
