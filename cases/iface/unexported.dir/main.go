package main

import (
	"fmt"
	"reflect"

	"./a"
	"./b"
)

type local struct{ a.T }

func (local) m() string { return "main.local.m" }

func main() {
	// Type identity at run time: another package's struct{ x int } is another type.
	_, ok := a.X.(struct{ x int })
	fmt.Println("struct{ x int }:", ok)
	_, ok = a.Y.(struct{ X int })
	fmt.Println("struct{ X int }:", ok)
	_, ok = a.Z.(struct{ int })
	fmt.Println("struct{ int }:", ok)
	switch a.X.(type) {
	case struct{ x int }:
		fmt.Println("switch: main's struct")
	default:
		fmt.Printf("switch: %T from a\n", a.X)
	}
	keys := map[interface{}]int{a.X: 1, struct{ x int }{1}: 2, a.Y: 3, struct{ X int }{1}: 4}
	fmt.Println("map keys:", len(keys))
	fmt.Println("blank fields equal:", a.B == interface{}(struct{ _ int }{}))

	// Method sets and itabs: each package's m is its own method.
	fmt.Println(b.CallBoth(b.T{}))
	fmt.Println(b.Promoted(b.T{}))
	fmt.Println(a.CallI(local{}))
	var i interface{} = local{}
	_, ok = i.(interface{ m() string })
	fmt.Println("local has main's m:", ok)
	_, ok = i.(a.I)
	fmt.Println("local has a's m:", ok)
	_, ok = interface{}(a.F()).(interface{ m() string })
	fmt.Println("a.T has main's m:", ok)

	// reflect sees the package of each non-exported method.
	bt := reflect.TypeOf((*b.Both)(nil)).Elem()
	for j := 0; j < bt.NumMethod(); j++ {
		m := bt.Method(j)
		fmt.Println("Both method", j, m.Name, m.PkgPath != "")
	}
	fmt.Println("NumMethod of local:", reflect.TypeOf(local{}).NumMethod())

	defer func() { fmt.Println(recover()) }()
	_ = a.X.(struct{ x int })
}
