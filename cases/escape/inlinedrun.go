// run

// A small function whose local escapes only through its result is inlined, and the
// copy decides anew where the caller keeps the result: on the stack when it stays in
// the frame (a fresh object per call, also in a loop), on the heap when it leaves.

package main

type pair struct {
	m    map[int]int
	a, b *int
}

func newPair(a, b *int) *pair {
	p := pair{a: a, b: b}
	p.m = make(map[int]int, 20)
	return &p
}

func (p *pair) sum() int { return *p.a + *p.b + len(p.m) }

type box struct{ v []int }

func newBox(n int) *box {
	b := box{}
	b.v = make([]int, 0, 4)
	for i := 0; i < n; i++ {
		b.v = append(b.v, i)
	}
	return &b
}

func wrap(n int) int { // inlines newBox into its own copy
	return len(newBox(n).v)
}

var keep []*pair

//go:noinline
func use(p *pair) int { return p.sum() }

//go:noinline
func deep(n int) int {
	var pad [64]int
	if n == 0 {
		return pad[3]
	}
	return deep(n-1) + pad[n%64]
}

func main() {
	x, y := 3, 4
	total := 0
	var ps []*pair
	for i := 0; i < 5; i++ {
		p := newPair(&x, &y)
		p.m[i] = i
		total += use(p)
		deep(200) // the stack moves: p and what it points to move with it
		total += p.sum()
		if i%2 == 0 {
			keep = append(keep, newPair(&x, &y)) // leaves the frame: heap
		}
		ps = append(ps, newPair(&y, &x))
	}
	for _, p := range ps {
		p.m[len(p.m)] = 1
		total += p.sum()
	}
	println(total, len(keep), keep[0].sum())
	q := newBox(7)
	println(len(q.v), cap(q.v), q.v[6], wrap(3))
	x = 10
	println(keep[2].sum(), ps[4].sum())
}
