// run

// Maps with string keys go through the string-keyed runtime calls (element of at most
// 128 bytes) or the generic ones (a larger element): insert, update, comma-ok and
// plain lookups, delete, growth, and a named string key type.

package main

type S string

func main() {
	m := map[string]int{"a": 1, "b": 2}
	m["c"] = 3
	k := "a"
	m[k] += 10
	v, ok := m["b"]
	println(m["a"], m["c"], v, ok, len(m))
	delete(m, "a")
	_, ok = m["a"]
	println(ok, len(m))
	n := map[S][200]byte{}
	n["x"] = [200]byte{1}
	println(n["x"][0], len(n))
	delete(n, "x")
	println(len(n))
	for i := 0; i < 1000; i++ {
		m[string(rune('A'+i%50))+"k"] = i
	}
	println(len(m), m["Bk"])
}
