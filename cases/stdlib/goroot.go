// run

// runtime.GOROOT: $GOROOT as the program started with it, else the root of the Go
// installation the program was linked against (where Go's sources are).
package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

func main() {
	if len(os.Args) > 1 {
		fmt.Println(runtime.GOROOT())
		return
	}
	root := runtime.GOROOT()
	if env := os.Getenv("GOROOT"); env != "" {
		fmt.Println("from the environment:", root == env)
	} else {
		_, err := os.Stat(filepath.Join(root, "src", "runtime", "extern.go"))
		fmt.Println("the installation's sources:", err == nil)
	}
	os.Setenv("GOROOT", "/elsewhere")
	fmt.Println("after Setenv, unchanged:", runtime.GOROOT() == root)

	cmd := exec.Command(os.Args[0], "child")
	cmd.Env = append(os.Environ(), "GOROOT=/some/go")
	out, err := cmd.Output()
	fmt.Printf("child: %q %v\n", out, err)
}
