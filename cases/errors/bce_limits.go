// errorcheck -0 -d=ssa/check_bce/debug=1

// Bounds checks prove removes from the limits of the index: constants, masks,
// unsigned remainders and shifts, extensions of narrow integers, branch conditions.
// What it cannot bound (a signed remainder, a product that may overflow) keeps its
// check, as gc's prove keeps it.

package main

var sink int

//go:noinline
func masks(t [64]int, k int, u uint16) {
	sink = t[k&63]
	sink = t[k&7]
	sink = t[k&64] // ERROR "Found IsInBounds$"
	sink = t[k%64] // ERROR "Found IsInBounds$"
	sink = t[uint(k)%64]
	sink = t[uint(k)%65] // ERROR "Found IsInBounds$"
	sink = t[u&63]
	sink = t[u>>10]
	sink = t[u>>9] // ERROR "Found IsInBounds$"
}

//go:noinline
func narrow(t [256]byte, b uint8, c int8) {
	sink = int(t[b])
	sink = int(t[b+200])
	sink = int(t[c]) // ERROR "Found IsInBounds$"
	sink = int(t[uint64(k64(1))>>56])
	sink = int(t[uint64(k64(1))>>55]) // ERROR "Found IsInBounds$"
}

//go:noinline
func k64(x int) int64 { return int64(x) * 977 }

//go:noinline
func branches(s []int, i int) {
	if i >= 2 && i < 10 {
		var t [10]int
		sink = t[i]
		sink = t[i-2]
		sink = t[i-3] // ERROR "Found IsInBounds$"
		sink = t[i+1] // ERROR "Found IsInBounds$"
		t[i-1] = 1
	}
	if len(s) >= 3 {
		sink = s[2]
		sink = s[3] // ERROR "Found IsInBounds$"
		sink = len(s[1:])
		sink = len(s[:3])
		sink = len(s[:4])
	}
	sink = s[4] // ERROR "Found IsInBounds$"
	sink = s[1]
	sink = s[4]
}

func main() {
	masks([64]int{}, 0, 0)
	narrow([256]byte{}, 0, 0)
	branches(nil, 0)
}
