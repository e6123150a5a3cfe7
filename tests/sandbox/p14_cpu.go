// run -t 3

// Hostile probe (tests/test_sandbox.py): spin forever on every CPU. Expected verdict: the
// case fails "timed out after 3s", and the next case runs normally.

package main

import "runtime"

func spin() {
	for n := 0; ; n++ {
	}
}

func main() {
	for i := 1; i < runtime.NumCPU(); i++ {
		go spin()
	}
	spin()
}
