//go:build refgo

package sort

// sliceLen returns len of the slice held by x; it panics with a runtime error
// if x does not hold a slice. Provided by refgo's runtime.
func sliceLen(x any) int

// swapElems exchanges elements i and j (in range) of the slice held by x, in
// its backing array, whatever the element type. Provided by refgo's runtime.
func swapElems(x any, i, j int)
