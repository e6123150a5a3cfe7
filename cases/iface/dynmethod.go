// run

package main

import (
	"fmt"
	"io"
	"os"
)

// Each method below is named by no interface of this file and called by nothing
// here: only another package's type assertion (io.WriteString's to io.StringWriter,
// fmt's to fmt.Formatter and fmt.GoStringer) reaches it, so the linker must keep it
// although the method table is its only reference.

type sink struct{ n int }

func (s *sink) Write(p []byte) (int, error) {
	s.n += len(p)
	return os.Stdout.Write(p)
}

func (s *sink) WriteString(str string) (int, error) {
	s.n += 100 * len(str)
	return os.Stdout.Write([]byte("[" + str + "]"))
}

func (s *sink) Unused() int { return s.n * 7 }

type money int

func (m money) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "$%d.%02d/%c", int(m)/100, int(m)%100, verb)
}

type pair struct{ a, b int }

func (p pair) GoString() string { return fmt.Sprintf("pair(%d|%d)", p.a, p.b) }

func (p pair) swapped() pair { return pair{p.b, p.a} }

func main() {
	s := &sink{}
	var w io.Writer = s
	io.WriteString(w, "hello")
	fmt.Println()
	fmt.Println(s.n)
	fmt.Println(money(12345))
	fmt.Printf("%v %x\n", money(7), money(250))
	fmt.Printf("%#v %v\n", pair{1, 2}, pair{3, 4})
	var x interface{} = pair{5, 6}
	if g, ok := x.(fmt.GoStringer); ok {
		fmt.Println(g.GoString())
	}
}
