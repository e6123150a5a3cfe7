// run

package main

func main() {
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if j > i {
				break
			}
			print(i*j, " ")
		}
		println()
	}
}
