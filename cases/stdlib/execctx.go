// run

// exec.CommandContext: a command that finishes first is unaffected, one that
// outlives its context is killed (its output so far kept), an already-done context
// stops Start, and a nil context panics.
package main

import (
	"context"
	"fmt"
	"os/exec"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	out, err := exec.CommandContext(ctx, "sh", "-c", "echo out; echo err >&2; exit 3").CombinedOutput()
	fmt.Printf("%q %v\n", out, err)
	cancel()

	ctx, cancel = context.WithTimeout(context.Background(), 100*time.Millisecond)
	start := time.Now()
	out, err = exec.CommandContext(ctx, "sh", "-c", "echo started; exec sleep 10").Output()
	fmt.Printf("%q %v %v\n", out, err, time.Since(start) < 5*time.Second)
	cancel()

	ctx, cancel = context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, "sleep", "10")
	cmd.Start()
	cancel()
	fmt.Println(cmd.Wait())

	fmt.Println(exec.CommandContext(ctx, "true").Run())
	defer func() { fmt.Println(recover()) }()
	exec.CommandContext(nil, "true")
}
