// errorcheck

// //go:embed applies to a string, a []byte or an embed.FS variable (and types
// defined from the first two, not from embed.FS); any other type is reported at the
// directive. (gc's
// compiler run alone, without the go command's -embedcfg, stops earlier: hence the
// alternative.)

package p

import "embed"

//go:embed embedtype.go // ERROR "go:embed cannot apply to var of type int|did not supply embed configuration"
var n int

type T struct{ s string }

//go:embed embedtype.go // ERROR "go:embed cannot apply to var of type T|did not supply embed configuration"
var v T

//go:embed embedtype.go // ERROR "go:embed cannot apply to var of type ..rune|did not supply embed configuration"
var r []rune

type myFS embed.FS

//go:embed embedtype.go // ERROR "go:embed cannot apply to var of type myFS|did not supply embed configuration"
var f myFS
