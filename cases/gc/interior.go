// run

package main

import "runtime"

// Only interior pointers keep these objects alive: a subslice of a large array, a
// pointer to a struct field, a pointer to an array element and a substring.

type pair struct {
	a [8]int
	b int
}

func main() {
	var tails [][]int
	var fields []*int
	var elems []*int
	var subs []string
	for r := 0; r < 200; r++ {
		big := make([]int, 10000)
		for i := range big {
			big[i] = r + i
		}
		tails = append(tails, big[9990:])
		p := &pair{b: r * 3}
		fields = append(fields, &p.b)
		arr := new([64]int)
		arr[40] = r * 5
		elems = append(elems, &arr[40])
		s := string(make([]byte, 5000)) + "tail" + string(rune('a'+r%26))
		subs = append(subs, s[5000:])
		if len(tails) > 20 {
			tails = tails[1:]
			fields = fields[1:]
			elems = elems[1:]
			subs = subs[1:]
		}
		if r%50 == 0 {
			runtime.GC()
		}
	}
	junk := 0
	for i := 0; i < 3000; i++ {
		junk += len(make([]int, 1000))
	}
	runtime.GC()
	sum := 0
	for i := range tails {
		for _, v := range tails[i] {
			sum += v
		}
		sum += *fields[i] + *elems[i] + len(subs[i]) + int(subs[i][4])
	}
	println(sum, junk, subs[0], subs[len(subs)-1])
}
