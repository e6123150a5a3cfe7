// run

package main

func main() {
	sum := 0
	for i := 1; i <= 10; i++ {
		sum += i
	}
	println(sum)
	n := 1
	for n < 100 {
		n *= 3
	}
	println(n)
	k := 0
	for {
		k++
		if k == 7 {
			break
		}
	}
	println(k)
	for i := 0; i < 10; i++ {
		if i%3 != 0 {
			continue
		}
		print(i, " ")
	}
	println()
}
