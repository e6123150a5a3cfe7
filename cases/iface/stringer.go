// run

package main

import "fmt"

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "red"
	case Green:
		return "green"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type Pair struct {
	K string
	V Color
}

func main() {
	fmt.Println(Red, Blue, []Color{Green, Red})
	fmt.Printf("%v %d %s|%5s|\n", Green, Green, Blue, Red)
	fmt.Println(Pair{"a", Green}, &Pair{"b", Red})
	var s fmt.Stringer = Blue
	fmt.Println(s.String())
}
