// run

// Hostile probe (tests/test_sandbox.py): a fork bomb. The pids limit stops it, the case
// still ends normally, and its processes die with it (p15_healthy runs after it).

package main

import (
	"fmt"
	"os"
	"strconv"
	"syscall"
	"time"
)

const bomb = `b() { b & b & wait; }; b`

func main() {
	attr := &syscall.ProcAttr{Sys: &syscall.SysProcAttr{Setsid: true}}
	_, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", bomb}, attr)
	fmt.Println("bomb started:", err == nil)
	time.Sleep(3 * time.Second)
	entries, _ := os.ReadDir("/proc")
	n := 0
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err == nil {
			n++
		}
	}
	fmt.Println("more than 100 processes:", n > 100)
	fmt.Println("still running")
}
