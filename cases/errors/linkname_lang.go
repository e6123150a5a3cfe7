// compile -lang=go1.17

// Before Go 1.18 gc ignored a //go:linkname whose local name is not a function or
// variable; from 1.18 on it is an error (linkname_checks.go). The unsafe import
// is still required.

package p

import _ "unsafe"

//go:linkname missing runtime.missing

//go:linkname limit runtime.limit
const limit = 8

//go:linkname kind runtime.kind
type kind int
