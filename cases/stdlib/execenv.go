// run

// os/exec: Cmd.Env with a key given twice passes it once, the last value in its own
// place, as gc's Start does; a nil Env is the parent's environment.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

func main() {
	if len(os.Args) > 1 {
		for _, kv := range os.Environ() {
			if strings.HasPrefix(kv, "EXECENV_") || strings.HasPrefix(kv, "=") {
				fmt.Println(kv)
			}
		}
		return
	}
	cmd := exec.Command(os.Args[0], "child")
	cmd.Env = []string{"EXECENV_A=1", "EXECENV_B=2", "", "EXECENV_A=3", "EXECENV_C", "EXECENV_B=4", "=X=1", "=X=2"}
	out, err := cmd.Output()
	fmt.Printf("%q %v\n", out, err)

	os.Setenv("EXECENV_D", "inherited")
	out, err = exec.Command(os.Args[0], "child").Output()
	fmt.Printf("%q %v\n", out, err)
}
