// run

// Hostile probe (tests/test_sandbox.py): leave state behind for the next case: a daemon
// in a session of its own that writes into every work directory, /tmp and /dev/shm two
// seconds later, files in the same places now, and a directory its owner cannot read.
// p06_leftovers checks that none of it reaches the next case.

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

const script = `sleep 2
for d in /refgo/work/*/ /tmp /dev/shm; do echo daemon > "$d/left-by-daemon"; done
exec sleep 600`

func main() {
	attr := &syscall.ProcAttr{Sys: &syscall.SysProcAttr{Setsid: true}}
	_, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", script}, attr)
	fmt.Println("daemon started:", err == nil)
	for _, d := range []string{filepath.Dir(os.Args[0]), "/tmp", "/dev/shm"} {
		err := os.WriteFile(filepath.Join(d, "left-by-case"), []byte("case\n"), 0o644)
		fmt.Println("file left:", err == nil)
	}
	locked := "/tmp/locked/deeper"
	err = os.MkdirAll(locked, 0o755)
	if err == nil {
		err = os.WriteFile(locked+"/file", []byte("x"), 0o444)
	}
	if err == nil {
		err = os.Chmod("/tmp/locked", 0)
	}
	fmt.Println("unreadable directory left:", err == nil)
}
