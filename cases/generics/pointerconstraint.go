// run

// Constraint type inference through core types: a pointer-method constraint
// (PT interface{ *T; M() }) and element types inferred from named slices and maps.

package main

import (
	"fmt"
	"sort"
)

type Resetter[T any] interface {
	*T
	Reset()
}

type counter struct{ n int }

func (c *counter) Reset() { c.n = 100 }

func Fresh[T any, PT Resetter[T]]() T {
	var v T
	PT(&v).Reset()
	return v
}

func SortedKeys[M ~map[K]V, K int | string, V any](m M) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

type Inventory map[string]int

func Last[S ~[]E, E any](s S) E { return s[len(s)-1] }

type Path []string

func main() {
	fmt.Println(Fresh[counter]().n)
	fmt.Println(SortedKeys(Inventory{"pear": 1, "apple": 2, "fig": 0}))
	fmt.Println(SortedKeys(map[int]bool{3: true, 1: false}))
	p := Path{"usr", "local", "bin"}
	fmt.Println(Last(p), Last([]float64{1, 2.5}))
}
