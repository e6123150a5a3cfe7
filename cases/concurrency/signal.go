// run

// chan struct{} carries no data: closing it releases every waiter at once; a
// buffered chan struct{} of capacity n is a semaphore.

package main

func main() {
	start := make(chan struct{})
	done := make(chan int)
	for i := 0; i < 10; i++ {
		go func(i int) {
			<-start
			done <- i
		}(i)
	}
	close(start)
	sum := 0
	for i := 0; i < 10; i++ {
		sum += <-done
	}
	println(sum)
	sem := make(chan struct{}, 3)
	active, peak := 0, 0
	fin := make(chan bool)
	lock := make(chan bool, 1)
	for i := 0; i < 20; i++ {
		go func() {
			sem <- struct{}{}
			lock <- true
			active++
			if active > peak {
				peak = active
			}
			<-lock
			lock <- true
			active--
			<-lock
			<-sem
			fin <- true
		}()
	}
	for i := 0; i < 20; i++ {
		<-fin
	}
	println(peak <= 3, active, len(sem))
}
