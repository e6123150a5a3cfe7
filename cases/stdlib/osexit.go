// run

package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred calls do not run at os.Exit")
	fmt.Fprintln(os.Stdout, "to stdout", len(os.Args) > 0)
	os.Stdout.WriteString("direct write\n")
	println("to stderr")
	os.Exit(0)
}
