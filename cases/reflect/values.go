// run

// reflect.Value: reading and setting every kind, through pointers, fields, indexes and
// maps; calls of functions and methods; New, Zero, MakeSlice, MakeMap, Append, Copy,
// Convert; and how fmt prints a reflect.Value operand.
package main

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

type Pair struct {
	Key   string
	Val   int
	Extra []byte
	note  string
}

func (p Pair) Sum(n int, more ...int) int {
	s := p.Val + n
	for _, m := range more {
		s += m
	}
	return s
}

func (p *Pair) Bump() { p.Val++ }

func (p Pair) String() string { return p.Key + "=" + fmt.Sprint(p.Val) }

type Stringer interface{ String() string }

func main() {
	p := Pair{Key: "a", Val: 1, Extra: []byte("xy"), note: "n"}
	v := reflect.ValueOf(&p).Elem()
	fmt.Println(v.Kind(), v.Type(), v.NumField(), v.CanSet(), v.Field(3).CanSet(), v.Field(3).String())
	v.Field(0).SetString("b")
	v.Field(1).SetInt(41)
	v.Field(2).SetBytes([]byte("zz"))
	v.FieldByName("Val").Set(reflect.ValueOf(42))
	fmt.Println(p, v.Field(2).Bytes(), v.Field(2).Len(), v.Field(2).Cap())

	var i8 int8
	var u32 uint32
	var f32 float32
	var c128 complex128
	var b bool
	var s string
	for _, x := range []any{&i8, &u32, &f32, &c128, &b, &s} {
		e := reflect.ValueOf(x).Elem()
		switch e.Kind() {
		case reflect.Int8:
			e.SetInt(-200)
			fmt.Println(e.Int(), e.OverflowInt(200), e.OverflowInt(-128))
		case reflect.Uint32:
			e.SetUint(1<<32 + 7)
			fmt.Println(e.Uint(), e.OverflowUint(1<<32))
		case reflect.Float32:
			e.SetFloat(1.1)
			fmt.Println(e.Float())
		case reflect.Complex128:
			e.SetComplex(2 + 3i)
			fmt.Println(e.Complex())
		case reflect.Bool:
			e.SetBool(true)
			fmt.Println(e.Bool())
		case reflect.String:
			e.SetString("set")
			fmt.Println(e.String(), e.Len(), e.Index(1))
		}
	}

	arr := [3]int{1, 2, 3}
	av := reflect.ValueOf(&arr).Elem()
	av.Index(1).SetInt(20)
	fmt.Println(arr, av.Len(), reflect.ValueOf(arr).Index(2).CanSet(), av.Index(2).CanAddr())
	sl := []string{"x", "y", "z"}
	sv := reflect.ValueOf(sl)
	sv.Index(0).SetString("X")
	fmt.Println(sl, sv.Slice(1, 3), sv.Slice(1, 2).Cap())

	m := map[string]int{"one": 1, "two": 2, "three": 3}
	mv := reflect.ValueOf(m)
	var keys []string
	for _, k := range mv.MapKeys() {
		keys = append(keys, k.String())
	}
	sort.Strings(keys)
	fmt.Println(keys, mv.Len(), mv.MapIndex(reflect.ValueOf("two")), mv.MapIndex(reflect.ValueOf("no")).IsValid())
	mv.SetMapIndex(reflect.ValueOf("four"), reflect.ValueOf(4))
	mv.SetMapIndex(reflect.ValueOf("one"), reflect.Value{})
	sum := 0
	it := mv.MapRange()
	for it.Next() {
		sum += int(it.Value().Int()) * len(it.Key().String())
	}
	fmt.Println(len(m), m["four"], sum)

	var st Stringer = p
	iv := reflect.ValueOf(&st).Elem()
	fmt.Println(iv.Kind(), iv.Elem().Type(), iv.NumMethod(), iv.IsNil())
	iv.Set(reflect.ValueOf(Pair{Key: "q"}))
	fmt.Println(st.String())
	var nilp *Pair
	var nilm map[int]int
	var anyv any
	fmt.Println(reflect.ValueOf(nilp).IsNil(), reflect.ValueOf(nilm).IsNil(),
		reflect.ValueOf(&anyv).Elem().IsNil(), reflect.ValueOf(anyv).IsValid())
	fmt.Println(reflect.ValueOf(Pair{}).IsZero(), reflect.ValueOf(p).IsZero(), reflect.ValueOf(0.0).IsZero())

	sumv := reflect.ValueOf(p).MethodByName("Sum")
	fmt.Println(sumv.Kind(), sumv.Type(), reflect.ValueOf(p).NumMethod(), reflect.ValueOf(&p).NumMethod())
	out := sumv.Call([]reflect.Value{reflect.ValueOf(1), reflect.ValueOf(2), reflect.ValueOf(3)})
	fmt.Println(len(out), out[0].Int())
	out = sumv.CallSlice([]reflect.Value{reflect.ValueOf(1), reflect.ValueOf([]int{10, 100})})
	fmt.Println(out[0].Int())
	bump := reflect.ValueOf(&p).MethodByName("Bump").Interface().(func())
	bump()
	sum2 := reflect.ValueOf(p).Method(1).Interface().(func(int, ...int) int)
	fmt.Println(sum2(1, 2, 3), p.Val)
	reflect.ValueOf(&p).MethodByName("Bump").Call(nil)
	fmt.Println(p.Val, iv.Method(0).Call(nil)[0])
	join := reflect.ValueOf(strings.Join)
	res := join.Call([]reflect.Value{reflect.ValueOf([]string{"a", "b"}), reflect.ValueOf("+")})
	fmt.Println(res[0].String(), join.Type())
	div := func(a, b float64) (float64, bool) { return a / b, b != 0 }
	res = reflect.ValueOf(div).Call([]reflect.Value{reflect.ValueOf(1.0), reflect.ValueOf(4.0)})
	fmt.Println(res[0].Float(), res[1].Bool())

	np := reflect.New(reflect.TypeOf(Pair{}))
	np.Elem().Field(1).SetInt(9)
	fmt.Println(np.Type(), np.Elem().Interface().(Pair).Val, np.Interface().(*Pair).Val)
	fmt.Println(reflect.Zero(reflect.TypeOf(3.5)).Float(), reflect.Zero(reflect.TypeOf(p)).Field(0).String() == "")
	ms := reflect.MakeSlice(reflect.TypeOf([]int{}), 2, 3)
	ms = reflect.Append(ms, reflect.ValueOf(7), reflect.ValueOf(8))
	ms = reflect.AppendSlice(ms, reflect.ValueOf([]int{9}))
	fmt.Println(ms.Interface(), ms.Len())
	dst := make([]int, 2)
	fmt.Println(reflect.Copy(reflect.ValueOf(dst), ms), dst)
	mm := reflect.MakeMap(reflect.TypeOf(map[int]string{}))
	mm.SetMapIndex(reflect.ValueOf(1), reflect.ValueOf("one"))
	fmt.Println(mm.Interface(), mm.Len())
	fmt.Println(reflect.ValueOf(65).Convert(reflect.TypeOf("")), reflect.ValueOf(3.9).Convert(reflect.TypeOf(0)),
		reflect.ValueOf("hé").Convert(reflect.TypeOf([]byte{})), reflect.ValueOf(int8(-1)).Convert(reflect.TypeOf(uint16(0))))
	fmt.Println(reflect.Indirect(reflect.ValueOf(&p)).Type(), reflect.Indirect(reflect.ValueOf(3)).Int())
	fmt.Println(reflect.ValueOf(3), reflect.ValueOf(p), reflect.Value{}, reflect.ValueOf(&p).Elem().Field(3))
	fmt.Printf("%v %d %s %T\n", reflect.ValueOf(5), reflect.ValueOf(6), reflect.ValueOf("s"), reflect.ValueOf(1))
	fmt.Println(reflect.ValueOf(1).String(), reflect.ValueOf(p).Field(3).CanInterface())
}
