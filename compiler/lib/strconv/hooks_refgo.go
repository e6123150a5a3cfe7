//go:build refgo

package strconv

// formatFloat returns exactly what gc's strconv.FormatFloat(f, fmt, prec, bitSize)
// returns, for fmt in 'b' 'e' 'E' 'f' 'g' 'G' 'x' 'X', any prec (-1 = the shortest
// decimal that round-trips at bitSize), bitSize 32 (f is a float32 value widened)
// or 64; NaN and infinities print as "NaN", "+Inf", "-Inf". Provided by refgo's
// runtime (C).
func formatFloat(f float64, fmt byte, prec, bitSize int) string

// parseFloat returns the value of the floating-point literal lit correctly
// rounded to bitSize 64 or 32 bits (strtod/strtof semantics, widened to float64),
// and whether it overflowed to ±Inf. lit is a valid decimal ("-1.5e3") or
// hexadecimal ("0x1.8p1") literal with an optional sign and no underscores.
// Provided by refgo's runtime (C).
func parseFloat(lit string, bitSize int) (f float64, overflow bool)
