// Command fmt_values prints composite values, methods and panics through fmt.
package main

import (
	"errors"
	"fmt"
	"strings"
)

type Point struct {
	X, Y int
}

type Inner struct {
	A string
	b []int
}

type Outer struct {
	Name  string
	In    Inner
	P     *Point
	M     map[string]int
	Any   any
	Err   error
	inner Inner
	F     float64
}

type Embeds struct {
	Point
	Label string
}

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type PtrStringer struct{ n int }

func (p *PtrStringer) String() string { return fmt.Sprint("PS", p.n) }

type Panicky struct{}

func (Panicky) String() string { panic("boom") }

type PanicErr struct{}

func (PanicErr) Error() string { panic(errors.New("inner error")) }

type NilRecv struct{ v int }

func (n *NilRecv) String() string { return fmt.Sprint(n.v) }

type Hidden struct {
	t Temp
	T Temp
}

type Gopher struct{ N int }

func (Gopher) GoString() string { return "Gopher!" }

type Custom int

func (c Custom) Format(f fmt.State, verb rune) {
	w, wok := f.Width()
	p, pok := f.Precision()
	if !wok {
		w = -1 // gc leaves a stale width here (printers are pooled)
	}
	if !pok {
		p = -1
	}
	fmt.Fprintf(f, "<%c w=%d/%v p=%d/%v +%v -%v #%v sp%v 0%v %d>", verb, w, wok, p, pok,
		f.Flag('+'), f.Flag('-'), f.Flag('#'), f.Flag(' '), f.Flag('0'), int(c))
}

type Matrix [2][2]int

type Celsius float64

type MyErr struct{ Code int }

func (e MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

type Keyed struct {
	K string
	N int
}

func main() {
	p := Point{1, -2}
	fmt.Println(p, &p, []Point{{1, 2}, {3, 4}}, []*Point{nil})
	fmt.Printf("%v %+v %#v %T\n", p, p, p, p)
	fmt.Printf("%v %+v %T\n", &p, &p, &p)
	fmt.Printf("%d %x %5d|%-4v|\n", p, p, p, p)
	o := Outer{Name: "o", In: Inner{"in", []int{1, 2}}, M: map[string]int{"z": 26, "a": 1, "m": 13},
		Any: 3.5, Err: errors.New("bad"), inner: Inner{"hid", nil}, F: 2}
	fmt.Printf("%v\n%+v\n", o, o)
	fmt.Printf("%#v\n", Inner{"q", []int{3}})
	fmt.Println(Embeds{Point{5, 6}, "e"})
	fmt.Printf("%+v %#v\n", Embeds{Point{5, 6}, "e"}, Embeds{Point{5, 6}, "e"})
	fmt.Println(map[int]string{3: "c", -1: "neg", 2: "b", 10: "j"})
	fmt.Println(map[string]bool{"b": true, "a": false}, map[bool]int{true: 1, false: 0})
	fmt.Println(map[float64]string{2.5: "x", -1: "y", 0: "z"})
	fmt.Println(map[Keyed]int{{"b", 1}: 1, {"a", 2}: 2, {"a", 1}: 3})
	fmt.Println(map[[2]int]string{{2, 1}: "x", {1, 9}: "y", {1, 2}: "z"})
	fmt.Println(map[any]int{"b": 1, "a": 2})
	fmt.Printf("%v %d %x %+v\n", map[string]int{"k": 10}, map[string]int{"k": 10},
		map[string]int{"k": 255}, map[string]Point{"p": {1, 2}})
	fmt.Printf("%#v %#v\n", map[string]int{"k": 1, "a": 0}, map[string]int(nil))
	var nilMap map[string]int
	var nilSlice []int
	var nilPtr *Point
	var nilErr error
	var nilAny any
	var nilFunc func()
	fmt.Println(nilMap, nilSlice, nilPtr, nilErr, nilAny, nilFunc == nil)
	fmt.Printf("%v %+v %#v %#v %#v %d %s\n", nilMap, nilSlice, nilSlice, []int{}, nilPtr, nilPtr,
		nilPtr)
	fmt.Printf("%p %v %T %T %T\n", nilPtr, nilFunc, nilFunc, nilMap, nilErr)
	fmt.Printf("%t %x\n", nilPtr, nilPtr)
	fmt.Println([]string{"a", "b c"}, []any{1, "x", nil, 2.5, Point{}}, [3]int{1, 2, 3}, [0]int{})
	fmt.Printf("%q %x %5s %-3d %03d\n", []string{"a", "b\n"}, []string{"hi"}, []string{"ab"},
		[]int{1, 22}, []int{7, -7})
	fmt.Printf("%v %v\n", Matrix{{1, 2}, {3, 4}}, &Matrix{})
	fmt.Printf("%v %s %d %q %x\n", Temp(21.5), Temp(21.5), Temp(21.5), Temp(3), Temp(1))
	fmt.Println([]Temp{1, 2}, map[string]Temp{"t": 5}, struct{ T Temp }{9})
	fmt.Println(Hidden{1, 2})
	fmt.Println(&PtrStringer{3}, PtrStringer{4})
	fmt.Println(Panicky{}, []Panicky{{}})
	fmt.Printf("%s|%d|%5v|\n", Panicky{}, Panicky{}, Panicky{})
	fmt.Println(PanicErr{})
	var nr *NilRecv
	fmt.Println(nr)
	fmt.Printf("[%s] [%10v]\n", nr, nr)
	fmt.Println(Gopher{1})
	fmt.Printf("%v %#v %+v\n", Gopher{1}, Gopher{1}, []Gopher{{2}})
	fmt.Printf("%v|%+8.3x|%-#d|% 05q\n", Custom(1), Custom(2), Custom(3), Custom(4))
	fmt.Println(Custom(5), []Custom{6})
	fmt.Printf("%T %T %T %T %T %T\n", p, &p, []Point{}, map[string][]int{}, Temp(1), [2]bool{})
	fmt.Printf("%T %T %T %T\n", struct{ A int }{}, errors.New("x"), fmt.Errorf("y"), []any{})
	fmt.Printf("%T %T %T\n", func(int) string { return "" }, 'x', uint8(1))
	fmt.Println(MyErr{7}, []error{MyErr{1}, nil}, &MyErr{8})
	fmt.Printf("%v %s %q %x %d\n", MyErr{2}, MyErr{3}, MyErr{4}, MyErr{5}, MyErr{6})
	fmt.Printf("%v %.2v %6.2f\n", Celsius(1.5), Celsius(3.14159), Celsius(2))
	fmt.Printf("%s\n", struct {
		A []byte
		B [2]byte
		C string
	}{[]byte("ab"), [2]byte{'c', 'd'}, "e"})
	fmt.Printf("%x %X\n", struct{ A, B int }{10, 11}, []any{"a", 255})
	fmt.Printf("%v\n", struct {
		A any
		B error
		C *int
		D []any
	}{})
	fmt.Printf("%d\n", []any{nil, "s"})
	fmt.Printf("%s\n", map[string]any{"a": nil, "b": 1})
	fmt.Printf("%v %v\n", [][]int{{1}, nil, {2, 3}}, map[string][]string{"k": {"v1", "v2"}})
	fmt.Printf("%06.2f %v\n", []float64{1.5, -2.25}, []float32{0.1, 1e10})
	fmt.Printf("%v %v\n", []complex128{1 + 2i}, []bool{true, false})
	fmt.Printf("%c %U %q\n", []rune("hé"), []rune("hé"), []rune("hé"))
	fmt.Printf("%s %v\n", errors.New("plain"), errors.New("plain"))
	fmt.Printf("%w\n", errors.New("not in Errorf"))
	fmt.Printf("%v %d\n", &[]int{1}, &map[string]int{"a": 1})
	fmt.Printf("%v %+v\n", &struct{ P *Point }{}, &[]*Point{nil})
	fmt.Printf("%s %v\n", &Inner{"x", []int{1}}, &Embeds{})
	x := 5
	ps := fmt.Sprintf("%p", &x)
	fmt.Println(strings.HasPrefix(ps, "0x"), ps == fmt.Sprintf("%v", &x), ps[2:] == fmt.Sprintf("%x", &x),
		ps == fmt.Sprintf("%#p", &x) || ps == "0x"+fmt.Sprintf("%#p", &x), len(fmt.Sprintf("%20p|", &x)))
	m := map[string]int{}
	sl := []int{1}
	fmt.Println(fmt.Sprintf("%p", m) == fmt.Sprintf("%v", fmt.Sprintf("%p", m)),
		strings.HasPrefix(fmt.Sprintf("%p", sl), "0x"), fmt.Sprintf("%p", 5), fmt.Sprintf("%p", nil))
	fmt.Println(fmt.Sprint(Name("a"), Name("b"), 1, Name("c"), 2, 3), fmt.Sprint(Celsius(1), Celsius(2)))
	fmt.Printf("%#v %#v %#v %#v %#v\n", 42, uint8(7), "q\n", 2.0, []string{"a"})
	fmt.Printf("%#v %#v %#v\n", struct{}{}, [2]bool{true}, map[int]bool{2: true, 1: false})
	fmt.Printf("%#v %#v %#v\n", Celsius(2.5), Temp(1), complex(1, -2))
	fmt.Printf("%#v\n", Outer{Name: "n", M: map[string]int{"a": 1}, Any: 7, inner: Inner{b: []int{}}})
	fmt.Printf("%+v|%-10v|%10v|%-8d|\n", Point{-1, 2}, Point{1, 2}, []int{1, 2}, Point{3, 4})
	fmt.Printf("%x %X %o %b %c %U\n", []int{10, 255}, []uint{10}, []int{8}, []int{5}, []int{65}, []int{65})
	fmt.Printf("%6.2v|%-6s|%06d\n", []float64{3.14159}, []string{"ab"}, []int{-3})
	fmt.Printf("%#v %#v %#v\n", []any{nil, 1}, map[any]any{nil: nil}, [1]error{})
	type hidden struct {
		x   any
		err error
		t   Temp
		p   *Point
		m   map[string]Temp
	}
	h := hidden{x: Point{1, 2}, err: MyErr{3}, t: 4, m: map[string]Temp{"k": 5}}
	fmt.Printf("%v|%+v|%s\n", h, h, h)
	fmt.Printf("%#v\n", hidden{x: 1, err: MyErr{3}})
}

type Name string
