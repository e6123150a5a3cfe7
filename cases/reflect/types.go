// run

// reflect.Type read from refgo's descriptors: kinds, names, sizes, fields with tags and
// offsets, methods, and the relations between types, as gc's reflect reports them.
package main

import (
	"fmt"
	"reflect"
)

type Celsius float64

type Point struct {
	X, Y int `json:"x,omitempty" db:"px"`
	name string
	Celsius
	tags []string `json:"tags"`
}

func (p Point) Norm() int        { return p.X*p.X + p.Y*p.Y }
func (p *Point) Move(dx, dy int) { p.X += dx; p.Y += dy }
func (p Point) hide() bool       { return false }

type Shape interface {
	Norm() int
}

func show(t reflect.Type) {
	fmt.Printf("%-28s kind=%-10s name=%q pkg=%q size=%d align=%d comparable=%v\n",
		t.String(), t.Kind(), t.Name(), t.PkgPath(), t.Size(), t.Align(), t.Comparable())
}

func main() {
	var s Shape
	for _, x := range []any{
		true, int8(1), uint16(2), 3, uintptr(4), float32(5), 6.0, complex64(7), "s",
		[3]int16{}, []string{}, map[string][]int{}, make(chan<- int), &Point{}, Point{},
		Celsius(1), func(int, ...string) (bool, error) { return false, nil },
		&s, struct{ A, b int }{}, [0]int{},
	} {
		show(reflect.TypeOf(x))
	}
	t := reflect.TypeOf(Point{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Println(f.Name, f.Type, f.Offset, f.Index, f.Anonymous, f.IsExported(),
			f.PkgPath, f.Tag.Get("json"), f.Tag.Get("db"))
		v, ok := f.Tag.Lookup("db")
		fmt.Printf("%q %v\n", v, ok)
	}
	f, ok := t.FieldByName("Y")
	fmt.Println(f.Name, f.Index, ok)
	_, ok = t.FieldByName("Z")
	fmt.Println(ok)
	for _, typ := range []reflect.Type{t, reflect.TypeOf(&Point{})} {
		fmt.Println(typ, typ.NumMethod())
		for i := 0; i < typ.NumMethod(); i++ {
			m := typ.Method(i)
			fmt.Println(" ", m.Index, m.Name, m.IsExported(), m.Type, m.Func.Kind())
		}
	}
	norm := t.Method(0).Func.Interface().(func(Point) int)
	fmt.Println(norm(Point{X: 3, Y: 4}), t.Method(0).Func.Call([]reflect.Value{reflect.ValueOf(Point{X: 1})})[0])
	move, _ := reflect.TypeOf(&Point{}).MethodByName("Move")
	pp := &Point{}
	move.Func.Interface().(func(*Point, int, int))(pp, 2, 5)
	fmt.Println(*pp, move.Type)
	ft := reflect.TypeOf(fmt.Sprintf)
	fmt.Println(ft.NumIn(), ft.In(0), ft.In(1), ft.IsVariadic(), ft.NumOut(), ft.Out(0))
	mt := reflect.TypeOf(map[string]bool{})
	fmt.Println(mt.Key(), mt.Elem(), reflect.TypeOf([4]byte{}).Len(),
		reflect.TypeOf(make(<-chan int)).ChanDir())
	st := reflect.TypeOf(&s).Elem()
	fmt.Println(st, st.Kind(), st.NumMethod(), st.Method(0).Name)
	fmt.Println(t.Implements(st), reflect.TypeOf(3).Implements(st))
	fmt.Println(reflect.TypeOf(Celsius(0)).ConvertibleTo(reflect.TypeOf(0)),
		reflect.TypeOf("").ConvertibleTo(reflect.TypeOf([]byte(nil))),
		reflect.TypeOf(Point{}).ConvertibleTo(reflect.TypeOf(0)),
		reflect.TypeOf(Celsius(0)).AssignableTo(reflect.TypeOf(0.0)),
		reflect.TypeOf(Point{}).AssignableTo(st))
	fmt.Println(reflect.TypeOf(1) == reflect.TypeOf(2), reflect.TypeOf(1) == reflect.TypeOf(""))
	fmt.Println(reflect.TypeOf(nil) == nil, reflect.Ptr, reflect.UnsafePointer, reflect.Kind(99))
	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.TypeOf(1).Elem()
}
