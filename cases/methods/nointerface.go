// run -goexperiment fieldtrack

// With GOEXPERIMENT=fieldtrack, a method marked //go:nointerface is left out of its
// type's run-time method table: dynamic assertions and type switches do not see it,
// while direct calls and method values still work.

package main

import "fmt"

type Plain struct{ n int }

//go:nointerface
func (p Plain) Hidden() int { return p.n }

func (p Plain) Shown() int { return p.n + 1 }

type Wrap struct{ Plain }

type hider interface{ Hidden() int }
type shower interface{ Shown() int }

func probe(x any) {
	_, h := x.(hider)
	_, s := x.(shower)
	switch x.(type) {
	case hider:
		fmt.Printf("%T: switch found Hidden\n", x)
	case shower:
		fmt.Printf("%T: switch found Shown\n", x)
	}
	fmt.Printf("%T: hider %v, shower %v\n", x, h, s)
}

func main() {
	p := Plain{41}
	fmt.Println(p.Hidden(), p.Shown())
	f := Plain.Hidden
	fmt.Println(f(p))
	probe(p)
	probe(&p)
	probe(Wrap{p})
	probe(&Wrap{p})
}
