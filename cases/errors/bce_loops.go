// errorcheck -0 -d=ssa/check_bce/debug=1

// Bounds checks prove removes in loops: a range loop's index, a counted loop's
// induction variable with a constant offset, len(s) <= cap(s). An offset is followed on
// the index side only: a length computed as len(s)-k has no limits of its own, so
// after s = s[k:] an index into s is checked again, as gc's prove checks it.

package main

var sink int

//go:noinline
func ranges(s []int, d []byte) {
	for i := range s {
		s[i] = i
		sink = len(s[:i])
		sink = len(s[i:])
		sink = len(s[:i+1])
		sink = s[i+1] // ERROR "Found IsInBounds$"
	}
	for i := range d {
		sink = int(s[i]) // ERROR "Found IsInBounds$"
	}
}

//go:noinline
func counted(t [40]int) {
	for i := 5; i < 30; i++ {
		sink = t[i-5]
		sink = t[i+10]
		sink = t[i-6] // ERROR "Found IsInBounds$"
		sink = t[i+11] // ERROR "Found IsInBounds$"
	}
	for i := 0; i < 40; i += 2 {
		sink = t[i]
	}
}

//go:noinline
func shrink(s []byte) int {
	n := 0
	for len(s) >= 16 {
		n += int(s[15])
		s = s[4:]
		n += int(s[3]) // ERROR "Found IsInBounds$"
		s = s[4:]
		n += int(s[0]) + int(s[:8][7]) // ERROR "Found IsInBounds$" "Found IsSliceInBounds$"
	}
	return n
}

func main() {
	ranges(nil, nil)
	counted([40]int{})
	sink = shrink(nil)
}
