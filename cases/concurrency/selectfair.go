// run

// When several cases are ready, select chooses uniformly at random: over many
// rounds with both channels always ready, each case wins a fair share.

package main

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	wins := [2]int{}
	const rounds = 10000
	for i := 0; i < rounds; i++ {
		a <- 1
		b <- 2
		select {
		case <-a:
			wins[0]++
			<-b
		case <-b:
			wins[1]++
			<-a
		}
	}
	println(wins[0]+wins[1] == rounds, wins[0] > rounds/3, wins[1] > rounds/3)
	c := make(chan int, 3)
	c <- 1
	c <- 2
	c <- 3
	seen := [4]int{}
	for i := 0; i < 3000; i++ {
		select {
		case v := <-c:
			seen[v]++
			c <- v
		case v := <-c:
			seen[v]++
			c <- v
		case v := <-c:
			seen[v]++
			c <- v
		}
	}
	println(seen[1], seen[2], seen[3])
}
