// run

package main

// A map of slices whose entries are replaced, grown and deleted over and over:
// the buckets, the slices' backing arrays and the map itself must survive every
// collection while replaced arrays are freed.

func main() {
	m := map[int][]int{}
	names := map[string][]string{}
	for round := 0; round < 30000; round++ {
		k := round % 97
		s := make([]int, 0, 4)
		for i := 0; i < 200; i++ {
			s = append(s, round+i)
		}
		m[k] = s
		key := "k" + string(rune('a'+round%26))
		names[key] = append(names[key], key)
		if len(names[key]) > 20 {
			names[key] = names[key][10:]
		}
		if round%7 == 0 {
			delete(m, (round+50)%97)
		}
	}
	total := 0
	for k, s := range m {
		total += k
		for _, v := range s {
			total += v
		}
	}
	n := 0
	for k, v := range names {
		for _, s := range v {
			if s == k {
				n++
			}
		}
	}
	println(len(m), total, len(names), n)
}
