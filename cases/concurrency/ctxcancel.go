// run

// context cancellation: workers stop when their shared context is cancelled,
// a request with a timeout gives up with DeadlineExceeded, and cancelling a
// parent reaches a grandchild through a WithValue in between.

package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type ctxKey string

func worker(ctx context.Context, id int, jobs <-chan int, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case j, ok := <-jobs:
			if !ok {
				return
			}
			results <- fmt.Sprintf("%s: job %d", ctx.Value(ctxKey("name")), j)
		}
	}
}

func slow(ctx context.Context) (int, error) {
	select {
	case <-time.After(time.Hour):
		return 42, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func main() {
	base, stop := context.WithCancel(context.Background())
	ctx := context.WithValue(base, ctxKey("name"), "pool")
	jobs := make(chan int)
	results := make(chan string, 10)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(ctx, i, jobs, results, &wg)
	}
	for j := 0; j < 5; j++ {
		jobs <- j
	}
	stop()
	wg.Wait()
	close(results)
	n := 0
	for range results {
		n++
	}
	fmt.Println("jobs done:", n, "err:", ctx.Err())

	tctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	v, err := slow(tctx)
	fmt.Println(v, err, err == context.DeadlineExceeded)

	parent, pcancel := context.WithCancel(context.Background())
	mid := context.WithValue(parent, ctxKey("k"), 1)
	child, ccancel := context.WithCancel(mid)
	defer ccancel()
	go pcancel()
	<-child.Done()
	fmt.Println("grandchild:", child.Err(), child.Value(ctxKey("k")))
}
