// run

// &T is elided in composite literals whose element type is a defined pointer type,
// or a type parameter whose core type is a pointer.

package main

import "fmt"

type (
	S  struct{ f int }
	PS *S
)

func lits() []PS { return []PS{{f: 1}, {f: 2}} }

func c[P *S]() []P { return []P{{f: 3}} }

func d[P PS]() []P { return []P{{f: 4}, {}} }

func main() {
	for _, p := range lits() {
		fmt.Println(p.f)
	}
	fmt.Println(c[*S]()[0].f)
	for _, p := range d[PS]() {
		fmt.Println(p.f)
	}
	m := map[string]PS{"a": {f: 5}}
	fmt.Println(m["a"].f)
	fmt.Printf("%T\n", d[PS]())
}
