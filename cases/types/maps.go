// run

package main

func main() {
	m := make(map[string]int)
	m["one"] = 1
	m["two"] = 2
	m["three"] = 3
	println(len(m), m["two"], m["zero"])
	v, ok := m["one"]
	println(v, ok)
	_, ok = m["nope"]
	println(ok)
	delete(m, "one")
	println(len(m))
	m["two"] += 20
	println(m["two"])
	sum := 0
	for _, v := range m {
		sum += v
	}
	println(sum)
	ages := map[int]string{1: "a", 2: "b"}
	println(ages[1], ages[2], len(ages))
	var nilmap map[string]bool
	println(nilmap["x"], len(nilmap))
}
