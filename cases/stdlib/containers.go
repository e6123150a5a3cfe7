// run

// container/heap, container/list and container/ring behave as gc's, down to the
// order in which heap calls Less and Swap.
package main

import (
	"container/heap"
	"container/list"
	"container/ring"
	"fmt"
	"strings"
)

type logHeap struct {
	a   []int
	log []string
}

func (h *logHeap) Len() int { return len(h.a) }
func (h *logHeap) Less(i, j int) bool {
	h.log = append(h.log, fmt.Sprintf("L%d%d", i, j))
	return h.a[i] < h.a[j]
}
func (h *logHeap) Swap(i, j int) {
	h.log = append(h.log, fmt.Sprintf("S%d%d", i, j))
	h.a[i], h.a[j] = h.a[j], h.a[i]
}
func (h *logHeap) Push(x any) { h.a = append(h.a, x.(int)) }
func (h *logHeap) Pop() any {
	x := h.a[len(h.a)-1]
	h.a = h.a[:len(h.a)-1]
	return x
}

type item struct {
	name  string
	prio  int
	index int
}

type pq []*item

func (q pq) Len() int                { return len(q) }
func (q pq) Less(i, j int) bool      { return q[i].prio > q[j].prio }
func (q pq) Swap(i, j int)           { q[i], q[j] = q[j], q[i]; q[i].index = i; q[j].index = j }
func (q *pq) Push(x any)             { it := x.(*item); it.index = len(*q); *q = append(*q, it) }
func (q *pq) Pop() any               { old := *q; it := old[len(old)-1]; *q = old[:len(old)-1]; return it }
func (q *pq) update(it *item, p int) { it.prio = p; heap.Fix(q, it.index) }

func printList(l *list.List) {
	var b strings.Builder
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Fprint(&b, e.Value, " ")
	}
	b.WriteString("| ")
	for e := l.Back(); e != nil; e = e.Prev() {
		fmt.Fprint(&b, e.Value, " ")
	}
	fmt.Println(l.Len(), b.String())
}

func main() {
	h := &logHeap{a: []int{9, 4, 7, 1, 8, 2, 6, 3, 5}}
	heap.Init(h)
	heap.Push(h, 0)
	fmt.Println(h.a)
	fmt.Println(heap.Remove(h, 3), heap.Remove(h, len(h.a)-1), h.a)
	h.a[2] = 100
	heap.Fix(h, 2)
	var out []int
	for h.Len() > 0 {
		out = append(out, heap.Pop(h).(int))
	}
	fmt.Println(out)
	fmt.Println(strings.Join(h.log, " "))

	items := map[string]int{"banana": 3, "apple": 2, "pear": 4}
	q := pq{}
	for _, n := range []string{"banana", "apple", "pear"} {
		q = append(q, &item{name: n, prio: items[n], index: len(q)})
	}
	heap.Init(&q)
	orange := &item{name: "orange", prio: 1}
	heap.Push(&q, orange)
	q.update(orange, 5)
	for q.Len() > 0 {
		it := heap.Pop(&q).(*item)
		fmt.Printf("%d:%s ", it.prio, it.name)
	}
	fmt.Println()

	var l list.List // the zero List is usable
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	printList(&l)
	l.MoveToBack(e1)
	l.MoveToFront(e4)
	printList(&l)
	l.MoveBefore(e1, e4)
	l.MoveAfter(e4, l.Back())
	printList(&l)
	fmt.Println(l.Remove(e1), l.Remove(e1))
	printList(&l)
	other := list.New()
	other.PushBack("x")
	other.PushBack("y")
	l.PushBackList(other)
	l.PushFrontList(other)
	l.PushBackList(&l)
	printList(&l)
	fmt.Println(l.InsertAfter(9, e1) == nil, e1.Next() == nil, e1.Prev() == nil)
	l.MoveToFront(other.Front())
	printList(&l)
	l.Init()
	printList(&l)

	r := ring.New(5)
	for i := 0; i < r.Len(); i++ {
		r.Value = i
		r = r.Next()
	}
	r.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println(r.Len(), r.Move(-7).Value, r.Move(12).Value, r.Prev().Value)
	removed := r.Unlink(2)
	fmt.Println(r.Len(), removed.Len())
	s := ring.New(2)
	s.Value, s.Next().Value = "a", "b"
	r.Link(s)
	r.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println(r.Len())
	var z ring.Ring
	fmt.Println(z.Len(), z.Next() == &z, ring.New(0) == nil, (*ring.Ring)(nil).Len(), r.Unlink(0) == nil)
}
