// run

package main

// Package variables of every pointer-holding kind are roots: pointers, slices,
// strings, maps, interfaces, funcs and arrays of them.

type rec struct {
	name string
	kids []*rec
}

var (
	root  *rec
	tab   = map[string]*rec{}
	any1  interface{}
	fn    func() int
	arr   [4][]byte
	names []string
)

func garbage(n int) int {
	x := 0
	for i := 0; i < n; i++ {
		r := &rec{name: "tmp"}
		r.kids = make([]*rec, 10)
		x += len(r.kids)
	}
	return x
}

func main() {
	root = &rec{name: "root"}
	for i := 0; i < 10; i++ {
		k := &rec{name: "kid" + string(rune('0'+i))}
		root.kids = append(root.kids, k)
		tab[k.name] = k
	}
	any1 = &rec{name: "boxed"}
	count := 41
	fn = func() int { count++; return count }
	for i := range arr {
		arr[i] = make([]byte, 100*(i+1))
		arr[i][i] = byte(i + 1)
	}
	for i := 0; i < 5; i++ {
		names = append(names, string(rune('v'+i))+"name")
	}
	g := garbage(400000)
	s := 0
	for _, k := range root.kids {
		s += len(k.name) + len(tab[k.name].name)
	}
	for i := range arr {
		s += int(arr[i][i]) + len(arr[i])
	}
	println(g, s, any1.(*rec).name, fn(), names[4], len(tab))
}
