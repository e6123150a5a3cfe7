// run

// Hostile probe (tests/test_sandbox.py): kill or stop the step runner, stop the
// container by signalling its init (PID 1), or signal every process there is.

package main

import (
	"fmt"
	"os"
	"syscall"
)

func try(what string, pid int, sig syscall.Signal) {
	if err := syscall.Kill(pid, sig); err != nil {
		fmt.Printf("%s: %v\n", what, err)
	} else {
		fmt.Printf("%s: sent\n", what)
	}
}

func main() {
	runner := os.Getppid()
	try("SIGSTOP to the runner", runner, syscall.SIGSTOP)
	try("SIGKILL to the runner", runner, syscall.SIGKILL)
	try("SIGTERM to init", 1, syscall.SIGTERM)
	try("SIGKILL to init", 1, syscall.SIGKILL)
	// kill(-1) reports success when it found processes, even if it could signal none.
	try("SIGTERM to every process", -1, syscall.SIGTERM)
	fmt.Println("runner still there:", syscall.Kill(runner, 0) == syscall.EPERM)
}
