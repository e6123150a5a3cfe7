// run

// A generic binary heap ordered by a less function, used as a priority queue.

package main

import "fmt"

type Heap[T any] struct {
	data []T
	less func(a, b T) bool
}

func NewHeap[T any](less func(a, b T) bool) *Heap[T] {
	return &Heap[T]{less: less}
}

func (h *Heap[T]) Push(v T) {
	h.data = append(h.data, v)
	i := len(h.data) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !h.less(h.data[i], h.data[p]) {
			break
		}
		h.data[i], h.data[p] = h.data[p], h.data[i]
		i = p
	}
}

func (h *Heap[T]) Pop() T {
	top := h.data[0]
	n := len(h.data) - 1
	h.data[0] = h.data[n]
	h.data = h.data[:n]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && h.less(h.data[l], h.data[m]) {
			m = l
		}
		if r < n && h.less(h.data[r], h.data[m]) {
			m = r
		}
		if m == i {
			break
		}
		h.data[i], h.data[m] = h.data[m], h.data[i]
		i = m
	}
	return top
}

func (h *Heap[T]) Len() int { return len(h.data) }

type job struct {
	prio int
	name string
}

func main() {
	h := NewHeap(func(a, b int) bool { return a < b })
	for _, v := range []int{5, 3, 9, 1, 7, 2, 8} {
		h.Push(v)
	}
	for h.Len() > 0 {
		fmt.Print(h.Pop(), " ")
	}
	fmt.Println()

	j := NewHeap(func(a, b job) bool { return a.prio > b.prio })
	j.Push(job{1, "low"})
	j.Push(job{5, "high"})
	j.Push(job{3, "mid"})
	for j.Len() > 0 {
		fmt.Println(j.Pop().name)
	}
}
