// run

// Hostile probe (tests/test_sandbox.py): allocate memory without end. Expected verdict:
// the case fails "killed by the memory limit", and the next case runs normally.

package main

func main() {
	var keep [][]byte
	for {
		b := make([]byte, 1<<20)
		for i := range b {
			b[i] = 1
		}
		keep = append(keep, b)
	}
}
