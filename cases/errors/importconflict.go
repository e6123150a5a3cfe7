// errorcheck

// A name a dot import declares may not be declared again at package level, and an
// import redeclared in the file block is reported unused as well (it cannot be used).

package p

import (
	. "strings"
	"fmt" // ERROR "previous|not used"
	fmt "os" // ERROR "redeclared" "imported and not used: \x22os\x22 as fmt"
)

var _ = Builder{}

var Index byte // ERROR "already declared through dot-import of package strings"
