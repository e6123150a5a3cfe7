// run

package main

// A failing bounds check is reported at its index or slice expression's `[`, as
// gc's: on the `[`'s line when the operand starts on an earlier one, and after a
// /*line*/ directive between the operand and the `[`.

import (
	"fmt"
	"runtime"
	"strings"
)

var i = 5

type T struct{ a [3]int }

func line(name string) {
	if recover() == nil {
		fmt.Println(name, "did not panic")
		return
	}
	for k := 0; ; k++ {
		pc, _, ln, ok := runtime.Caller(k)
		if !ok {
			fmt.Println(name, "no frame")
			return
		}
		if fn := runtime.FuncForPC(pc).Name(); strings.HasPrefix(fn, "main.run") {
			fmt.Println(name, fn, ln)
			return
		}
	}
}

func runString(s, t string) byte {
	defer line("string")
	return (s +
		t)[i]
}

func runSlice(a, b []int) []int {
	defer line("slice")
	return append(a,
		b...)[:i+10]
}

func runArray(p *T) int {
	defer line("array")
	return p.
		a[i]
}

func runDirective(a []int) int {
	defer line("directive")
	return a /*line :900:1*/ [ /*line :950:1*/ i]
}

func main() {
	runString("ab", "c")
	runSlice([]int{1}, []int{2})
	runArray(&T{})
	runDirective(nil)
}
