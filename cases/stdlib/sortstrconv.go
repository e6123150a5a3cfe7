// run

package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	words := strings.Fields("  the quick brown fox jumps over the lazy dog ")
	sort.Sort(byLen(words))
	fmt.Println(words)
	sort.Strings(words)
	fmt.Println(strings.Join(words, ","))
	n, err := strconv.Atoi("1234")
	fmt.Println(n+1, err)
	_, err = strconv.Atoi("x1")
	fmt.Println(err)
	fmt.Println(strconv.Quote("a\tb"), strconv.FormatInt(-255, 16))
	f, _ := strconv.ParseFloat("2.5e3", 64)
	fmt.Println(f, strconv.FormatFloat(1.0/3, 'f', 4, 64))
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "[%d]", i)
	}
	fmt.Println(sb.String(), strings.Contains(sb.String(), "[1]"))
	xs := []int{5, 2, 8, 1}
	sort.Ints(xs)
	fmt.Println(xs, sort.SearchInts(xs, 5))
}
