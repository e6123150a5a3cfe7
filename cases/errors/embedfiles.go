// errorcheck
// refgo-only: the go command resolves //go:embed patterns; gc's compiler alone cannot

// A pattern must name files (as the go command reports it), and a string or []byte
// variable must get exactly one.

package p

import _ "embed"

//go:embed nosuchfile.txt // ERROR "pattern nosuchfile.txt: no matching files found"
var s string

//go:embed embed*.go
var b []byte // ERROR "invalid go:embed: multiple files for type \[\]byte"

//go:embed ../errors/embedfiles.go // ERROR "pattern ../errors/embedfiles.go: invalid pattern syntax"
var t string
