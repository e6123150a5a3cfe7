// run

// Hostile probe (tests/test_sandbox.py): fill the work directory, /tmp and /dev/shm until
// the disk is full. Each must be bounded (ENOSPC, not the memory limit); p08_after_fill
// checks that the next case gets all of its space back.

package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

func fill(dir string) error {
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		return err
	}
	defer f.Close()
	chunk := make([]byte, 1<<20)
	for i := 0; i < 4096; i++ {
		if _, err := f.Write(chunk); err != nil {
			return err
		}
	}
	return errors.New("4 GiB written: no bound")
}

func label(dir string) string {
	if dir == "/tmp" || dir == "/dev/shm" {
		return dir
	}
	return "work dir"
}

func main() {
	for _, d := range []string{filepath.Dir(os.Args[0]), "/tmp", "/dev/shm"} {
		err := fill(d)
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		fmt.Printf("%s: %v\n", label(d), err)
	}
}
