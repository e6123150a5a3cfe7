// run

// os/exec over fork+exec: Output, CombinedOutput, exit statuses as *ExitError,
// piped input, a missing command, and the working directory.
package main

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
)

func main() {
	out, err := exec.Command("echo", "hello", "world").Output()
	fmt.Printf("%q %v\n", out, err)
	out, err = exec.Command("sh", "-c", "echo out; echo err >&2; exit 3").CombinedOutput()
	fmt.Printf("%q %v\n", out, err)
	if ee, ok := err.(*exec.ExitError); ok {
		fmt.Println(ee.ExitCode(), ee.Exited(), ee.Success())
	}
	_, err = exec.Command("sh", "-c", "echo bad >&2; exit 1").Output()
	fmt.Printf("%v %q\n", err, err.(*exec.ExitError).Stderr)
	cmd := exec.Command("cat")
	cmd.Stdin = strings.NewReader("piped in\n")
	var buf bytes.Buffer
	cmd.Stdout = &buf
	fmt.Println(cmd.Run(), buf.String() == "piped in\n")
	err = exec.Command("no-such-command-xyz").Run()
	fmt.Println(err)
	cmd = exec.Command("pwd")
	cmd.Dir = "/"
	out, _ = cmd.Output()
	fmt.Printf("%q\n", out)
}
