// run

// Hostile probe (tests/test_sandbox.py): write outside the scratch: the root filesystem,
// Go's installed standard library (gc links it), the toolchain binaries, the case's own
// directory (the repository).

package main

import (
	"errors"
	"fmt"
	"os"
)

func reason(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	if err == nil {
		return "succeeded"
	}
	return err.Error()
}

func main() {
	cwd, _ := os.Getwd()
	for _, t := range []struct{ what, path string }{
		{"/", "/probe"},
		{"/etc", "/etc/probe"},
		{"refgo-step", "/usr/local/bin/refgo-step"},
		{"gc's runtime.a", "/usr/lib/go-1.19/pkg/linux_amd64/runtime.a"},
		{"the case's directory", cwd + "/probe"},
	} {
		f, err := os.OpenFile(t.path, os.O_WRONLY|os.O_CREATE, 0o755)
		if err == nil {
			f.Close()
		}
		fmt.Printf("write %s: %s\n", t.what, reason(err))
	}
}
