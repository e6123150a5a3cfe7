// run

// An ordered map: keys kept sorted by an Ordered constraint of ~ terms.

package main

import "fmt"

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 |
		~uint64 | ~float32 | ~float64 | ~string
}

type OrderedMap[K Ordered, V any] struct {
	keys []K
	m    map[K]V
}

func New[K Ordered, V any]() *OrderedMap[K, V] {
	return &OrderedMap[K, V]{m: make(map[K]V)}
}

func (o *OrderedMap[K, V]) Set(k K, v V) {
	if _, ok := o.m[k]; !ok {
		i := len(o.keys)
		o.keys = append(o.keys, k)
		for i > 0 && o.keys[i-1] > k {
			o.keys[i] = o.keys[i-1]
			i--
		}
		o.keys[i] = k
	}
	o.m[k] = v
}

func (o *OrderedMap[K, V]) Get(k K) (V, bool) {
	v, ok := o.m[k]
	return v, ok
}

func (o *OrderedMap[K, V]) Each(f func(K, V)) {
	for _, k := range o.keys {
		f(k, o.m[k])
	}
}

type name string

func main() {
	m := New[string, int]()
	for i, w := range []string{"pear", "apple", "fig", "apple", "kiwi"} {
		m.Set(w, i)
	}
	m.Each(func(k string, v int) { fmt.Println(k, v) })
	v, ok := m.Get("fig")
	fmt.Println(v, ok)
	_, ok = m.Get("plum")
	fmt.Println(ok)

	n := New[name, []float64]()
	n.Set("b", []float64{2.5})
	n.Set("a", nil)
	n.Each(func(k name, v []float64) { fmt.Printf("%s=%v ", k, v) })
	fmt.Println()
	fmt.Printf("%T\n", n)
}
