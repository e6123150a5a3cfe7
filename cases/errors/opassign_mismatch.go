// errorcheck

// A mismatch in an assignment operation is worded with the operation.

package main

type Meters float64

func main() {
	var total Meters
	step := 2.5
	total += step // ERROR "invalid operation: total \+= step \(mismatched types Meters and float64\)"
	var mask uint8
	mask |= int8(1) // ERROR "invalid operation: mask \|= int8\(1\) \(mismatched types uint8 and int8\)"
	_, _ = total, mask
}
