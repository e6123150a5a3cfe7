// wordfreq: count the words of a built-in text, print the most frequent ones.
package main

import (
	"bufio"
	"fmt"
	"sort"
	"strings"
)

const text = `It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was the
spring of hope, it was the winter of despair, we had everything before us, we had
nothing before us, we were all going direct to Heaven, we were all going direct the
other way - in short, the period was so far like the present period, that some of its
noisiest authorities insisted on its being received, for good or for evil, in the
superlative degree of comparison only.`

type entry struct {
	word  string
	count int
}

type byCount []entry

func (b byCount) Len() int      { return len(b) }
func (b byCount) Swap(i, j int) { b[i], b[j] = b[j], b[i] }
func (b byCount) Less(i, j int) bool {
	if b[i].count != b[j].count {
		return b[i].count > b[j].count
	}
	return b[i].word < b[j].word
}

func normalize(w string) string {
	w = strings.ToLower(w)
	return strings.Trim(w, ",.-;:!?'\"")
}

func count(s string) map[string]int {
	counts := make(map[string]int)
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Split(bufio.ScanWords)
	for sc.Scan() {
		w := normalize(sc.Text())
		if w == "" {
			continue
		}
		counts[w]++
	}
	return counts
}

func top(counts map[string]int, n int) []entry {
	var es []entry
	for w, c := range counts {
		es = append(es, entry{w, c})
	}
	sort.Sort(byCount(es))
	if len(es) > n {
		es = es[:n]
	}
	return es
}

func lengths(counts map[string]int) map[int]int {
	out := make(map[int]int)
	for w, c := range counts {
		out[len(w)] += c
	}
	return out
}

func histogram(h map[int]int) []string {
	var keys []int
	for k := range h {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	var lines []string
	for _, k := range keys {
		lines = append(lines, fmt.Sprintf("%2d %s", k, strings.Repeat("*", h[k])))
	}
	return lines
}

func main() {
	counts := count(text)
	fmt.Printf("%d distinct words\n", len(counts))
	for i, e := range top(counts, 10) {
		fmt.Printf("%2d. %-8s %d\n", i+1, e.word, e.count)
	}
	for _, l := range histogram(lengths(counts)) {
		fmt.Println(l)
	}
	total := 0
	for _, c := range counts {
		total += c
	}
	fmt.Println("total", total)
}
