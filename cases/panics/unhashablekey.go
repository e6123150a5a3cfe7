// run

// Every map operation hashes its key, even on an empty map: an interface key
// holding an unhashable value panics on lookup, comma-ok lookup and delete too.

package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

type S struct {
	a int
	f func()
}

func main() {
	m := map[interface{}]int{}
	k := []int{}
	try("index", func() { _ = m[k] })
	try("commaok", func() { _, _ = m[k] })
	try("delete", func() { delete(m, k) })
	try("assign", func() { m[k] = 1 })
	try("struct", func() { _, _ = m[S{}] })
	try("array", func() { delete(m, [1]interface{}{k}) })
	m[1] = 1
	try("full commaok", func() { _, _ = m[k] })
	try("full delete", func() { delete(m, S{}) })
	fmt.Println(len(m))
}
