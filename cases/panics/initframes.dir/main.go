package main

import (
	"fmt"
	"os"
	"os/exec"

	"./a"
	"./c"
)

var z = c.Y + a.X

func init() {
	if os.Getenv("INITFRAMES") == "panic" {
		boom()
	}
}

//go:noinline
func boom() {
	var m map[string]int
	m["x"] = z
}

func init() {
	fmt.Println("main.init.1:")
	a.Stack()
}

func main() {
	fmt.Println("main.main:")
	a.Stack()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "INITFRAMES=panic")
	out, err := cmd.CombinedOutput()
	fmt.Println("child:", err)
	fmt.Println(a.Trace(string(out)))
}
