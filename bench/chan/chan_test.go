package chanbench

// Goroutine and channel benchmarks (issue 17): each measures one operation the
// runtime and the compiler's lowering share, so `python -m bench.run bench/chan`
// compares refgo's scheduler and channels with gc's (bench/sync has Mutex and
// WaitGroup).

import "testing"

// BenchmarkPingPong: one round trip between two goroutines over unbuffered channels.
func BenchmarkPingPong(b *testing.B) {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v
		}
		close(pong)
	}()
	for i := 0; i < b.N; i++ {
		ping <- i
		<-pong
	}
	close(ping)
}

// BenchmarkBufferedThroughput: one value through a buffered channel to a consumer.
func BenchmarkBufferedThroughput(b *testing.B) {
	c := make(chan int, 128)
	done := make(chan int)
	go func() {
		sum := 0
		for v := range c {
			sum += v
		}
		done <- sum
	}()
	for i := 0; i < b.N; i++ {
		c <- i
	}
	close(c)
	<-done
}

// BenchmarkSelectTwoWay: a select on two ready channels (selectgo's general path).
func BenchmarkSelectTwoWay(b *testing.B) {
	x, y := make(chan int, 1), make(chan int, 1)
	x <- 1
	y <- 2
	for i := 0; i < b.N; i++ {
		select {
		case v := <-x:
			x <- v
		case v := <-y:
			y <- v
		}
	}
}

// BenchmarkSpawnJoin: start a goroutine and wait for it to finish.
func BenchmarkSpawnJoin(b *testing.B) {
	done := make(chan bool)
	for i := 0; i < b.N; i++ {
		go func() { done <- true }()
		<-done
	}
}
