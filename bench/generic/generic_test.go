// Package generic measures what generic code costs against the same code written for
// one concrete type: a slice-backed stack and a sorted-slice ordered map, each once
// with type parameters (instantiated at int) and once by hand for int. Under full
// stenciling (refgo) the pairs should run alike; under gc's GC-shape stenciling the
// generic versions pay for dictionaries where they call through T. Results fold into
// a package-level sink so neither compiler can drop the work.
package generic

import "testing"

var sink int

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 |
		~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}

// Stack is a slice-backed LIFO of any element type.
type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s *Stack[T]) Len() int { return len(s.items) }

// IntStack is Stack written for int: T replaced by int, nothing else changed.
type IntStack struct{ items []int }

func (s *IntStack) Push(v int) { s.items = append(s.items, v) }

func (s *IntStack) Pop() (int, bool) {
	var zero int
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s *IntStack) Len() int { return len(s.items) }

// OMap is an ordered map kept as parallel sorted slices, found by binary search.
type OMap[K Ordered, V any] struct {
	keys []K
	vals []V
}

func (m *OMap[K, V]) search(k K) int {
	lo, hi := 0, len(m.keys)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if m.keys[mid] < k {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

func (m *OMap[K, V]) Put(k K, v V) {
	i := m.search(k)
	if i < len(m.keys) && m.keys[i] == k {
		m.vals[i] = v
		return
	}
	var zk K
	var zv V
	m.keys = append(m.keys, zk)
	m.vals = append(m.vals, zv)
	copy(m.keys[i+1:], m.keys[i:])
	copy(m.vals[i+1:], m.vals[i:])
	m.keys[i], m.vals[i] = k, v
}

func (m *OMap[K, V]) Get(k K) (V, bool) {
	i := m.search(k)
	if i < len(m.keys) && m.keys[i] == k {
		return m.vals[i], true
	}
	var zv V
	return zv, false
}

// IntMap is OMap written for int keys and values (K and V replaced by int).
type IntMap struct {
	keys []int
	vals []int
}

func (m *IntMap) search(k int) int {
	lo, hi := 0, len(m.keys)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if m.keys[mid] < k {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

func (m *IntMap) Put(k int, v int) {
	i := m.search(k)
	if i < len(m.keys) && m.keys[i] == k {
		m.vals[i] = v
		return
	}
	var zk int
	var zv int
	m.keys = append(m.keys, zk)
	m.vals = append(m.vals, zv)
	copy(m.keys[i+1:], m.keys[i:])
	copy(m.vals[i+1:], m.vals[i:])
	m.keys[i], m.vals[i] = k, v
}

func (m *IntMap) Get(k int) (int, bool) {
	i := m.search(k)
	if i < len(m.keys) && m.keys[i] == k {
		return m.vals[i], true
	}
	var zv int
	return zv, false
}

const depth = 256

// BenchmarkStackGeneric pushes 256 ints on a Stack[int] and pops them all.
func BenchmarkStackGeneric(b *testing.B) {
	var s Stack[int]
	t := 0
	for i := 0; i < b.N; i++ {
		for j := 0; j < depth; j++ {
			s.Push(j ^ i)
		}
		for s.Len() > 0 {
			v, _ := s.Pop()
			t += v
		}
	}
	sink = t
}

// BenchmarkStackConcrete is BenchmarkStackGeneric on IntStack.
func BenchmarkStackConcrete(b *testing.B) {
	var s IntStack
	t := 0
	for i := 0; i < b.N; i++ {
		for j := 0; j < depth; j++ {
			s.Push(j ^ i)
		}
		for s.Len() > 0 {
			v, _ := s.Pop()
			t += v
		}
	}
	sink = t
}

// BenchmarkOMapGeneric fills an OMap[int, int] with 256 keys in scrambled
// order and looks each one up.
func BenchmarkOMapGeneric(b *testing.B) {
	t := 0
	for i := 0; i < b.N; i++ {
		var m OMap[int, int]
		for j := 0; j < depth; j++ {
			k := (j * 167) % depth
			m.Put(k, j+i)
		}
		for j := 0; j < depth; j++ {
			v, _ := m.Get(j)
			t += v
		}
	}
	sink = t
}

// BenchmarkOMapConcrete is BenchmarkOMapGeneric on IntMap.
func BenchmarkOMapConcrete(b *testing.B) {
	t := 0
	for i := 0; i < b.N; i++ {
		var m IntMap
		for j := 0; j < depth; j++ {
			k := (j * 167) % depth
			m.Put(k, j+i)
		}
		for j := 0; j < depth; j++ {
			v, _ := m.Get(j)
			t += v
		}
	}
	sink = t
}

// TestSame checks that both versions compute the same thing, so the pairs compare
// like with like.
func TestSame(t *testing.T) {
	var gs Stack[int]
	var cs IntStack
	var gm OMap[int, int]
	var cm IntMap
	for j := 0; j < depth; j++ {
		gs.Push(j * 3)
		cs.Push(j * 3)
		k := (j * 167) % depth
		gm.Put(k, j)
		cm.Put(k, j)
	}
	for j := 0; j < depth; j++ {
		a, _ := gs.Pop()
		b, _ := cs.Pop()
		x, _ := gm.Get(j)
		y, _ := cm.Get(j)
		if a != b || x != y {
			t.Fatalf("step %d: stack %d vs %d, map %d vs %d", j, a, b, x, y)
		}
	}
}
