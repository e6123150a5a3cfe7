// run

// A generic singly linked list with a Map into another instantiation.

package main

import (
	"fmt"
	"strings"
)

type node[T any] struct {
	val  T
	next *node[T]
}

type List[T any] struct {
	head *node[T]
	size int
}

func (l *List[T]) PushFront(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

func (l *List[T]) Reverse() {
	var prev *node[T]
	for n := l.head; n != nil; {
		next := n.next
		n.next = prev
		prev, n = n, next
	}
	l.head = prev
}

func MapList[T, U any](l *List[T], f func(T) U) *List[U] {
	out := &List[U]{}
	l.Each(func(v T) { out.PushFront(f(v)) })
	out.Reverse()
	return out
}

func main() {
	var l List[int]
	for i := 1; i <= 4; i++ {
		l.PushFront(i)
	}
	l.Each(func(v int) { fmt.Print(v, ",") })
	fmt.Println(l.size)
	s := MapList(&l, func(v int) string { return strings.Repeat("*", v) })
	s.Each(func(v string) { fmt.Print(v, " ") })
	fmt.Println()
	fmt.Printf("%T %T\n", s, s.head)
}
