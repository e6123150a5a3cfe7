// run

// Hostile probe (tests/test_sandbox.py): after the fork bomb, memory hog and spinner, the
// worker still runs a case normally, alone, with the same identity.

package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	entries, _ := os.ReadDir("/proc")
	n := 0
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err == nil {
			n++
		}
	}
	// init, the step runner and this program
	fmt.Println("processes:", n)
	fmt.Println("root:", os.Getuid() == 0)
}
