// errorcheck

// A method's receiver named through an alias is judged by the type the
// alias denotes.

package main

import "strings"

type I = int
type S = struct{}
type B = strings.Builder

func (I) m() {} // ERROR "cannot define new methods on non-local type int$"
func (S) m() {} // ERROR "invalid receiver type struct{}"
func (*B) m() {} // ERROR "cannot define new methods on non-local type strings.Builder"

type _ = strings.ToUpper // ERROR "strings.ToUpper \(value of type func\(.*\) string\) is not a type"

func main() {}
