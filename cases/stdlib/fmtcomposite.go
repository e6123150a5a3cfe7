// run

// fmt printing composite values through reflect: sorted map keys of every kind,
// pointers at depth 0 as &{...} and deeper as addresses, unexported fields (whose
// methods fmt must not call), %v %+v %#v %T of nested types, Stringer and error on
// value and pointer receivers, nil interfaces inside composites, byte arrays, bad
// verbs on elements, and reflect.Value operands.

package main

import (
	"errors"
	"fmt"
	"reflect"
)

type Celsius float64

type Weekday int

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

type PtrStringer struct{ n int }

func (p *PtrStringer) String() string { return fmt.Sprintf("PS(%d)", p.n) }

type Inner struct {
	Name string
	tags []string
}

type Outer struct {
	ID    int
	in    Inner
	Ptr   *Inner
	Day   Weekday
	day   Weekday
	Err   error
	Any   any
	M     map[string][]int
	Temp  Celsius
	bytes [3]byte
}

type Node struct {
	Val  int
	Next *Node
}

type Key struct {
	A int
	B string
}

type GoStr struct{ x int }

func (g GoStr) GoString() string { return fmt.Sprintf("GoStr<%d>", g.x) }

type Fmter struct{}

func (Fmter) Format(f fmt.State, c rune) {
	w, wok := f.Width()
	fmt.Fprintf(f, "F[%c %d %v %v]", c, w, wok, f.Flag('+'))
}

type Panicky struct{}

func (*Panicky) String() string { panic("boom") }

type Embed struct {
	Inner
	*Node
	Weekday
}

func main() {
	o := Outer{ID: 7, in: Inner{"in", []string{"a", "b"}}, Day: 1,
		day: 2, Err: errors.New("bad"), M: map[string][]int{"z": {1}, "a": nil, "m": {}},
		Temp: 36.6, bytes: [3]byte{'x', 'y', 'z'}}
	fmt.Printf("%v\n", o)
	fmt.Printf("%+v\n", o)
	fmt.Printf("%v\n", &o.in)
	fmt.Printf("%+v %v\n", &o.in.tags, &o.M)
	fmt.Printf("%#v\n", o.in)
	fmt.Printf("%#v\n", o.M)
	fmt.Printf("%T %T %T\n", o, &o, o.M)

	fmt.Println(map[int]bool{3: true, -1: false, 2: true})
	fmt.Println(map[float64]string{2.5: "b", -1: "a", 0: "z"})
	fmt.Println(map[bool]int{true: 1, false: 0})
	fmt.Println(map[Key]int{{2, "a"}: 1, {1, "b"}: 2, {1, "a"}: 3})
	fmt.Println(map[[2]int]string{{2, 1}: "x", {1, 9}: "y", {1, 2}: "z"})
	fmt.Println(map[Weekday]Celsius{2: 1.5, 0: -3, 1: 0})
	fmt.Printf("%#v\n", map[Key]bool{{1, "x"}: true})
	fmt.Printf("%v %#v\n", map[string]int(nil), map[string]int(nil))
	fmt.Println(map[any]string{3: "int", "s": "string", nil: "nil", 1: "int1"})

	n := &Node{1, &Node{2, &Node{3, nil}}}
	n.Next.Next.Next = n
	fmt.Printf("%v %+v\n", n.Val, n.Next.Next.Next.Val)
	fmt.Println(n.Next.Next.Next == n, *n.Next.Next.Next.Next == *n.Next)
	pp := &n
	fmt.Println(reflect.TypeOf(pp), (*pp).Val)

	fmt.Println(Weekday(1), []Weekday{0, 2}, [2]Weekday{1}, map[Weekday]int{2: 2, 1: 1})
	ps := PtrStringer{5}
	fmt.Println(ps, &ps, []PtrStringer{{1}}, []*PtrStringer{{2}})
	fmt.Printf("%v %s %d\n", struct{ W Weekday }{2}, struct{ w Weekday }{2}, Weekday(2))
	fmt.Printf("%x %X %q %s\n", o.bytes, [2]byte{1, 255}, o.bytes, [2]uint8{'o', 'k'})
	fmt.Printf("%v %d %#v\n", o.bytes, []byte{1, 2}, []byte{3})
	fmt.Printf("%#v %#v %#v\n", []int(nil), []string{}, [0]int{})
	fmt.Printf("%#v\n", []any{1, "a", nil, 2.5, Celsius(3), []int{1}})
	fmt.Printf("%#v\n", struct {
		e error
		s fmt.Stringer
		u uint8
		f float32
		c complex64
	}{})
	fmt.Printf("%#v %#v\n", GoStr{3}, []GoStr{{1}, {2}})
	fmt.Printf("%v|%+v|%8v\n", Fmter{}, []Fmter{{}}, Fmter{})
	fmt.Println(&Panicky{}, (*Panicky)(nil))
	fmt.Printf("%d\n", struct {
		A int
		B string
		C []float64
	}{1, "x", []float64{1.5}})
	fmt.Printf("%s\n", []any{1, "s", 2.5})
	fmt.Printf("%x\n", []any{255, "hi", []byte{1}})
	fmt.Printf("%v %+v\n", Embed{Inner: Inner{"e", nil}, Weekday: 1}, Embed{})
	fmt.Printf("%v %v\n", [][]int{{1, 2}, nil, {}}, [2][2]string{{"a"}, {"b", "c"}})
	fmt.Printf("%v %+v\n", struct{ p *int }{nil}, []*int{nil})
	fmt.Printf("%6.2f|%-8v|%08.3f\n", []float64{1, 2.345}, []int{1}, [2]Celsius{1, 2})
	fmt.Printf("%q %v\n", []string{"a b", "c"}, []error{nil, errors.New("e")})
	fmt.Printf("%t %v\n", []bool{true, false}, struct{ f func() }{nil})
	fmt.Printf("%v %v\n", reflect.ValueOf(o.in), reflect.ValueOf(o).Field(3))
	fmt.Printf("%v %v\n", reflect.ValueOf(o).Field(4), reflect.Value{})
	fmt.Printf("%v %s\n", reflect.ValueOf(&ps), reflect.ValueOf(Weekday(0)))
	in := &Inner{Name: "p"}
	fmt.Println(fmt.Sprint(struct{ P *Inner }{in}) == "{"+fmt.Sprintf("%p", in)+"}")
	var ip any = &o.ID
	fmt.Println(reflect.TypeOf(ip), fmt.Sprintf("%v", ip) == fmt.Sprintf("%p", ip))
	type local struct {
		m map[int]*Inner
		c chan int
	}
	fmt.Printf("%+v %T\n", local{}, local{})
	fmt.Printf("%v %v\n", []complex128{1 + 2i}, map[uint8]uint16{2: 1, 1: 2})
	fmt.Printf("%+v\n", [][]Key{{{1, "a"}}, nil})
	fmt.Printf("%#v\n", &Key{3, "k"})
	fmt.Printf("%#v\n", map[string]*Key{"k": nil})
	fmt.Printf("%v %v\n", &[]int{1}, &map[string]int{"a": 1})
	fmt.Printf("%v\n", &[2]int{4, 5})
	fmt.Printf("%s %v\n", &Inner{"s", nil}, &struct{ E error }{errors.New("x")})
	fmt.Print(Inner{"p", nil}, Key{1, "q"}, "\n")
	fmt.Print(Celsius(1), Celsius(2), "s", Weekday(1), "\n")
}
