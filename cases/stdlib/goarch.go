// run

// runtime's target constants, and a test on them as go1's fasta benchmark makes.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var unaligned = runtime.GOARCH == "amd64" || runtime.GOARCH == "386" || runtime.GOARCH == "s390x"

func main() {
	fmt.Println(runtime.GOOS, runtime.GOARCH, unaligned)
	fmt.Println(strings.HasPrefix(runtime.Version(), "go1."), runtime.Compiler != "")
}
