// errorcheck

// A literal of another package's struct type can neither name nor
// implicitly set its unexported fields.

package main

import (
	"strings"
	"sync"
)

func main() {
	_ = sync.Mutex{0, 0} // ERROR "implicit assignment to unexported field state in sync.Mutex literal" "implicit assignment to unexported field sema in sync.Mutex literal"
	_ = sync.Mutex{state: 1} // ERROR "unknown field 'state' in struct literal of type sync.Mutex"
	_ = strings.Builder{}
	_ = &sync.WaitGroup{}
}
