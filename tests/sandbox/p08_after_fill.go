// run

// Hostile probe (tests/test_sandbox.py): after p07_fill_scratch, the work directory,
// /tmp and /dev/shm of this case are (almost) empty again.

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

func main() {
	for i, d := range []string{filepath.Dir(os.Args[0]), "/tmp", "/dev/shm"} {
		label := []string{"work dir", "/tmp", "/dev/shm"}[i]
		var st syscall.Statfs_t
		if err := syscall.Statfs(d, &st); err != nil {
			fmt.Printf("%s: %v\n", label, err)
			continue
		}
		fmt.Printf("%s: at least 90%% free: %v\n", label, st.Bfree*10 >= st.Blocks*9)
	}
}
