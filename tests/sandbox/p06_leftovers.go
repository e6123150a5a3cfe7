// run

// Hostile probe (tests/test_sandbox.py): after p05_daemon, this case must find no process
// of its uid but itself, and an empty /tmp, /dev/shm and work directory of its own (the
// build's pkg.a and a.exe only), with no other case's work directory beside it.

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

func names(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return []string{err.Error()}
	}
	out := []string{}
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func others() int {
	n := 0
	for _, name := range names("/proc") {
		pid, err := strconv.Atoi(name)
		if err != nil || pid == os.Getpid() {
			continue
		}
		status, err := os.ReadFile("/proc/" + name + "/status")
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(status), "\n") {
			f := strings.Fields(line)
			if len(f) > 1 && f[0] == "Uid:" && f[1] == strconv.Itoa(os.Getuid()) {
				n++
			}
		}
	}
	return n
}

func main() {
	time.Sleep(3 * time.Second) // p05's daemon, had it survived, would have written by now
	fmt.Println("other processes of this uid:", others())
	fmt.Println("/tmp:", names("/tmp"))
	fmt.Println("/dev/shm:", names("/dev/shm"))
	work := filepath.Dir(os.Args[0])
	fmt.Println("work dir:", names(work))
	rest := []string{}
	for _, n := range names(filepath.Dir(work)) {
		if n != filepath.Base(work) {
			rest = append(rest, n)
		}
	}
	fmt.Println("beside it:", rest)
}
