// run

// Hostile probe (tests/test_sandbox.py): the case runs as a uid of its own, not root,
// not the step runner's and not the build cache owner's, with no capabilities.

package main

import (
	"fmt"
	"os"
	"strings"
	"syscall"
)

func owner(path string) int {
	var st syscall.Stat_t
	if err := syscall.Stat(path, &st); err != nil {
		return -1
	}
	return int(st.Uid)
}

func main() {
	uid := os.Getuid()
	fmt.Println("root:", uid == 0)
	fmt.Println("runner's uid:", uid == owner(fmt.Sprintf("/proc/%d", os.Getppid())))
	fmt.Println("cache found:", owner("/refgo-cache") >= 0)
	fmt.Println("cache owner's uid:", uid == owner("/refgo-cache"))
	status, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(line, "CapPrm:") || strings.HasPrefix(line, "CapEff:") {
			fmt.Println(line)
		}
	}
}
