//go:build !refgo

package math

import gmath "math"

func sqrt(x float64) float64 { return gmath.Sqrt(x) }
