// run

// Constraints with methods, with methods and type terms together, and with
// embedded constraints; calling constraint methods on type parameter values.

package main

import (
	"fmt"
	"strconv"
	"strings"
)

type Stringer interface{ String() string }

type Celsius float64

func (c Celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + "C" }

type Meters int

func (m Meters) String() string { return strconv.Itoa(int(m)) + "m" }

type StringableNumber interface {
	~int | ~float64
	Stringer
}

func Join[T Stringer](xs []T, sep string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = x.String()
	}
	return strings.Join(parts, sep)
}

func Total[T StringableNumber](xs ...T) string {
	var t T
	for _, x := range xs {
		t += x
	}
	return t.String()
}

type Setter[T any] interface {
	*T
	Set(string)
}

type Name struct{ s string }

func (n *Name) Set(s string) { n.s = strings.ToUpper(s) }

func FromStrings[T any, PT Setter[T]](ss []string) []T {
	out := make([]T, len(ss))
	for i, s := range ss {
		PT(&out[i]).Set(s)
	}
	return out
}

func main() {
	fmt.Println(Join([]Celsius{20.5, -3}, ", "), Join([]Meters{1, 20}, "+"))
	fmt.Println(Total(Celsius(1.25), Celsius(2)), Total(Meters(4), Meters(5)))
	fmt.Println(FromStrings[Name]([]string{"ab", "cd"}))
}
