// errorcheck

package p

// An import path is checked before it is looked for: empty, with a space, a
// control or a punctuation character gc refuses, absolute; and no package
// may be imported under the name init.

import (
	""       // ERROR "invalid import path \(empty string\)"
	"a b"    // ERROR "invalid import path \(invalid character U\+0020 ' '\)"
	"a\tb"   // ERROR "invalid import path \(invalid character U\+0009\)"
	"a!b"    // ERROR "invalid import path \(invalid character U\+0021 '!'\)"
	"/x/y"   // ERROR "could not import /x/y \(import path cannot be absolute path\)"
	init "fmt" // ERROR "cannot import package as init - init must be a func"
)
