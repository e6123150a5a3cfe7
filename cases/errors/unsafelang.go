// errorcheck -lang=go1.16

// Under -lang=go1.16, Go 1.17's unsafe.Add and unsafe.Slice are errors, with gc's text.

package p

import "unsafe"

var b [4]byte

var _ = unsafe.Add(unsafe.Pointer(&b), 1) // ERROR "unsafe.Add requires go1.17 or later \(-lang was set to go1.16; check go.mod\)"
var _ = unsafe.Slice(&b[0], 2)           // ERROR "unsafe.Slice requires go1.17 or later"
var _ = unsafe.Sizeof(b)
