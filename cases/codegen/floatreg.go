// asmcheck

package codegen

import "math"

// Float arithmetic stays in XMM registers: no store to the frame in the loop.
func poly(x float64, n int) float64 {
	s := 0.0
	for i := 0; i < n; i++ {
		s = s*x + 0.5 // amd64:`mulsd\t%xmm`,`movsd\t[.]Lfconst`,`addsd\t%xmm`,-`\(%rbp\)`
	}
	return s
}

// math's intrinsics are single instructions, not calls.
func intrinsics(x float64) float64 {
	a := math.Sqrt(x)  // amd64:`sqrtsd\t`,-`call`
	b := math.Floor(x) // amd64:`roundsd\t[$]1, `,-`call`
	c := math.Ceil(x)  // amd64:`roundsd\t[$]2, `,-`call`
	d := math.Trunc(x) // amd64:`roundsd\t[$]3, `,-`call`
	return a + b + c + d
}
