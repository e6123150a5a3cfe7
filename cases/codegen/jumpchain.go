// run

package main

// A jump to an empty block that only jumps on goes straight to where the chain ends:
// no `jmp` lands on another `jmp` (tests/test_amd64.py reads this file's assembly).

func flips(p []int, k int) int {
	n := 0
	for {
		n++
		j := p[k]
		p[k] = k
		k = j
		if k == 0 {
			break
		}
	}
	if n > 3 {
		n = 3
	}
	return n
}

func main() {
	p := []int{9, 0, 3, 1}
	println(flips(p, 2), p[0], p[1], p[2], p[3])
	q := []int{9, 0}
	println(flips(q, 1), q[0], q[1])
}
