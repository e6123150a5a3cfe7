// run

// Hostile probe (tests/test_sandbox.py): forge the step runner's reply. If the runner's
// stdout (the reply channel) can be opened, write a passing reply with the wrong output
// and kill the runner, so that a successful forgery fails this case.

package main

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

func reason(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return fmt.Sprint(err)
}

func main() {
	runner := os.Getppid()
	f, err := os.OpenFile(fmt.Sprintf("/proc/%d/fd/1", runner), os.O_WRONLY, 0)
	if err == nil {
		out := "forged\n"
		fmt.Fprintf(f, "{\"ok\": true, \"returncode\": 0, \"timed_out\": false, "+
			"\"oom_killed\": false, \"oom_kills\": 0, \"duration\": 0.1, \"out\": %d, "+
			"\"err\": 0}\n%s", len(out), out)
		f.Close()
		syscall.Kill(runner, syscall.SIGKILL)
		return
	}
	fmt.Println("open the runner's stdout:", reason(err))
	_, err = os.ReadDir(fmt.Sprintf("/proc/%d/fd", runner))
	fmt.Println("list the runner's files:", reason(err))
	_, err = os.ReadFile(fmt.Sprintf("/proc/%d/environ", runner))
	fmt.Println("read the runner's environment:", reason(err))
}
