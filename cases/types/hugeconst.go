// run

// Untyped float constants keep exponents far beyond float64's range exactly
// enough that ratios, sums and comparisons of them come out right.

package main

const big = 1e646456992
const tiny = 1e-646456992

func main() {
	println(big/1e646456990, -big/big, big > 1e308, tiny < 1e-300, tiny > 0, big*tiny)
	println(1e30000/1e29999, (1e30000+1e29999)/1e29999, (big - big) == 0, 1e-50000*1e50001)
}
