// errorcheck

// An import path that is not local must be written in its canonical form.

package main

import _ "strings/" // ERROR "non-canonical import path .strings/. \(should be .strings.\)"
import _ "unicode//utf8" // ERROR "non-canonical import path"
import _ "math/./bits" // ERROR "should be .math/bits."

func main() {}
