// Package heap provides heap operations for any type implementing
// heap.Interface: a min-heap (by Less) kept in a slice-like container.
//
//	h := &IntHeap{5, 2, 8}
//	heap.Init(h)
//	heap.Push(h, 3)
//	heap.Pop(h) // 2
//
// The operations call Len, Less, Swap, Push and Pop in the same order as Go
// 1.19's, so user types that log those calls see the same sequence.
package heap

import "sort"

// Interface is a sort.Interface plus Push and Pop, which add an element at
// index Len() and remove the one at Len()-1.
type Interface interface {
	sort.Interface
	Push(x any)
	Pop() any
}

// Init establishes the heap order on h in O(n).
func Init(h Interface) {
	n := h.Len()
	for i := n/2 - 1; i >= 0; i-- {
		siftDown(h, i, n)
	}
}

// Push adds x to the heap.
func Push(h Interface, x any) {
	h.Push(x)
	siftUp(h, h.Len()-1)
}

// Pop removes and returns the minimum element (by Less).
func Pop(h Interface) any {
	last := h.Len() - 1
	h.Swap(0, last)
	siftDown(h, 0, last)
	return h.Pop()
}

// Remove removes and returns the element at index i.
func Remove(h Interface, i int) any {
	last := h.Len() - 1
	if last != i {
		h.Swap(i, last)
		if !siftDown(h, i, last) {
			siftUp(h, i)
		}
	}
	return h.Pop()
}

// Fix restores the heap order after the element at index i changed value.
func Fix(h Interface, i int) {
	if !siftDown(h, i, h.Len()) {
		siftUp(h, i)
	}
}

// siftUp moves the element at j towards the root while it is less than its parent.
func siftUp(h Interface, j int) {
	for {
		parent := (j - 1) / 2
		if parent == j || !h.Less(j, parent) {
			return
		}
		h.Swap(parent, j)
		j = parent
	}
}

// siftDown moves the element at i0 towards the leaves of the first n elements
// while a child is less; it reports whether the element moved.
func siftDown(h Interface, i0, n int) bool {
	i := i0
	for {
		child := 2*i + 1
		if child >= n || child < 0 { // child < 0: 2i+1 overflowed
			break
		}
		if right := child + 1; right < n && h.Less(right, child) {
			child = right
		}
		if !h.Less(child, i) {
			break
		}
		h.Swap(i, child)
		i = child
	}
	return i > i0
}
