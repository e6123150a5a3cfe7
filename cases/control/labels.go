// run

package main

func main() {
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j == 3 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			print(i, j, " ")
		}
	}
	println()
	i := 0
loop:
	if i < 4 {
		print(i)
		i++
		goto loop
	}
	println()
}
