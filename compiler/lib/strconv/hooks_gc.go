//go:build !refgo

package strconv

import gstrconv "strconv"

func formatFloat(f float64, fmt byte, prec, bitSize int) string {
	return gstrconv.FormatFloat(f, fmt, prec, bitSize)
}

func parseFloat(lit string, bitSize int) (f float64, overflow bool) {
	f, err := gstrconv.ParseFloat(lit, bitSize)
	return f, err != nil
}
