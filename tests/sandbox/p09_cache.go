// run

// Hostile probe (tests/test_sandbox.py): poison or fill the build cache: replace refgo's
// runtime archive (every later refgo program links it), add a file, fill the disk.

package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

func reason(err error) string {
	var pe *os.PathError
	var le *os.LinkError
	switch {
	case err == nil:
		return "succeeded"
	case errors.As(err, &pe):
		return pe.Err.Error()
	case errors.As(err, &le):
		return le.Err.Error()
	}
	return err.Error()
}

func main() {
	archives, _ := filepath.Glob("/refgo-cache/runtime-*.a")
	fmt.Println("runtime archive present:", len(archives) > 0)
	if len(archives) > 0 {
		_, err := os.OpenFile(archives[0], os.O_WRONLY|os.O_APPEND, 0)
		fmt.Println("append to the archive:", reason(err))
		err = os.Rename(archives[0], archives[0]+".old")
		fmt.Println("rename the archive:", reason(err))
		err = os.WriteFile(archives[0]+".sha256", []byte("0\n"), 0o644)
		fmt.Println("rewrite its checksum:", reason(err))
	}
	err := os.WriteFile("/refgo-cache/filler", make([]byte, 1<<20), 0o644)
	fmt.Println("add a file:", reason(err))
	err = os.MkdirAll("/refgo-cache/pycache/x", 0o755)
	fmt.Println("add to the bytecode cache:", reason(err))
}
