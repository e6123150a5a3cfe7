//go:build !refgo

package math

import (
	gmath "math"
	"os"
	"strings"
)

func sqrt(x float64) float64 { return gmath.Sqrt(x) }

// haveFMA reads the CPU flags gc's internal/cpu tests, from /proc/cpuinfo.
func haveFMA() bool {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return false
	}
	var avx, fma bool
	for _, f := range strings.Fields(string(b)) {
		avx = avx || f == "avx"
		fma = fma || f == "fma"
	}
	return avx && fma
}

func fma(x, y, z float64) float64 { return gmath.FMA(x, y, z) }
