// errorcheck

package p

import (
	"bufio"
	"strings"
)

// A receiver's base type must be a type defined in this package: a variable
// is not a type; another package's type or a predeclared one is reported at
// the receiver, whose package counts as used.

var v int

func (*v) M() {} // ERROR "v \(variable of type int\) is not a type"

func (r *bufio.Reader) N() {} // ERROR "cannot define new methods on non-local type bufio.Reader"

func (strings.Builder) O() {} // ERROR "cannot define new methods on non-local type strings.Builder"

func (x int) P() {} // ERROR "cannot define new methods on non-local type int"
