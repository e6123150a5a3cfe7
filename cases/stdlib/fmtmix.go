// run

package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

type P struct {
	X, Y int
	Name string
}

type Celsius float64

func main() {
	fmt.Println("hello", 42, true, 3.14, 1e21, 1e-7)
	fmt.Printf("%d %5.2f %s %q %v %+v %T\n", 7, 2.5, "s", "q", P{1, 2, "p"}, P{3, 4, "z"}, P{})
	fmt.Println([]int{1, 2, 3}, map[string]int{"b": 2, "a": 1}, &P{1, 2, "x"})
	err := errors.New("boom")
	fmt.Println(err, fmt.Errorf("wrap: %w", err))
	fmt.Println(strings.Repeat("ab", 3), strings.ToUpper("hey"), strings.Split("a,b,c", ","))
	fmt.Printf("%#v %x %08b %c %U\n", []string{"a"}, 255, 5, 'A', 0x1F600)
	fmt.Println(Celsius(21.5), float32(0.1), 100.0, -0.0)
	var e error
	fmt.Println(e, nil, errors.Is(fmt.Errorf("x: %w", err), err))
	s := fmt.Sprintf("%6.3e|%g|%G", 123456.789, 0.000012345, 1e100)
	fmt.Fprintln(os.Stderr, s)
}
