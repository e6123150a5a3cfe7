// errorcheck

package p

// ^ of an untyped constant beyond gc's 512-bit precision overflows.

const Big = (1<<256 - 1) * (1<<256 + 1)
const _ = ^Big // ERROR "constant bitwise complement overflow"
const _ = ^(Big - 1)
