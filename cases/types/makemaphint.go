// run

package main

import "fmt"

var calls int

func hint(n int) int {
	calls++
	fmt.Println("hint", n)
	return n
}

func main() {
	m := make(map[string]int, hint(4))
	m["a"] = 1
	neg := make(map[int]bool, hint(-3)) // a negative hint is ignored at run time
	neg[7] = true
	var h8 int8 = 100
	big := make(map[int]int, h8)
	for i := 0; i < 200; i++ {
		big[i] = i * i
	}
	fmt.Println(len(m), len(neg), len(big), big[199], calls)
}
