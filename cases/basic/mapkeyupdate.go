// run

// Assigning to an existing map key stores the new key too, as gc does: +0 and
// -0 are equal keys, and the one assigned last is what iteration sees.

package main

import (
	"fmt"
	"math"
)

func main() {
	m := map[float64]int{}
	m[0] = 1
	m[math.Copysign(0, -1)] = 2
	for k, v := range m {
		fmt.Println(1/k, v)
	}
	type K struct {
		f float32
		s string
	}
	mk := map[K]bool{}
	negz := float32(math.Copysign(0, -1))
	mk[K{negz, "a"}] = true
	mk[K{0, "a"}] = false
	for k, v := range mk {
		fmt.Println(1/k.f, k.s, v)
	}
	mi := map[interface{}]int{}
	mi[negz] = 1
	mi[float32(0)] = 2
	for k, v := range mi {
		fmt.Println(1/k.(float32), v)
	}
	ms := map[[2]float64]string{}
	ms[[2]float64{0, math.Copysign(0, -1)}] = "x"
	ms[[2]float64{math.Copysign(0, -1), 0}] += "y"
	for k, v := range ms {
		fmt.Println(1/k[0], 1/k[1], v)
	}
}
