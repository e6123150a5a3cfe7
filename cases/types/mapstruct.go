// run

package main

type Key struct {
	a int
	b string
}

func main() {
	m := map[Key]int{}
	m[Key{1, "a"}] = 10
	m[Key{1, "a"}] += 5
	m[Key{2, "b"}] = 7
	println(m[Key{1, "a"}], m[Key{2, "b"}], len(m))
	words := []string{"a", "b", "a", "c", "a", "b"}
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	println(counts["a"], counts["b"], counts["c"], counts["d"])
	byIface := map[interface{}]string{1: "int", "1": "string"}
	println(byIface[1], byIface["1"], len(byIface))
	nested := map[string][]int{}
	nested["x"] = append(nested["x"], 1, 2)
	println(len(nested["x"]))
}
