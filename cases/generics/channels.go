// run

// Generic channel pipelines with goroutines: a generator, a mapper and a merge.

package main

import (
	"fmt"
	"sort"
	"sync"
)

func Gen[T any](xs ...T) <-chan T {
	c := make(chan T)
	go func() {
		for _, x := range xs {
			c <- x
		}
		close(c)
	}()
	return c
}

func MapChan[T, U any](in <-chan T, f func(T) U) <-chan U {
	out := make(chan U)
	go func() {
		defer close(out)
		for x := range in {
			out <- f(x)
		}
	}()
	return out
}

func Merge[T any](cs ...<-chan T) <-chan T {
	out := make(chan T, 4)
	var wg sync.WaitGroup
	wg.Add(len(cs))
	for _, c := range cs {
		go func(c <-chan T) {
			defer wg.Done()
			for x := range c {
				out <- x
			}
		}(c)
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func Collect[T any](c <-chan T) []T {
	var out []T
	for x := range c {
		out = append(out, x)
	}
	return out
}

func main() {
	sq := MapChan(Gen(1, 2, 3), func(x int) int { return x * x })
	neg := MapChan(Gen(4, 5), func(x int) int { return -x })
	all := Collect(Merge(sq, neg))
	sort.Ints(all)
	fmt.Println(all)
	words := Collect(MapChan(Gen("a", "bb"), func(s string) int { return len(s) }))
	fmt.Println(words)
}
