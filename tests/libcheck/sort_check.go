// Command sort_check sorts pseudo-random data of many sizes with package sort.
package main

import (
	"fmt"
	"sort"
	"strings"
)

var seed uint32 = 12345

func rnd(n int) int {
	seed = seed*1664525 + 1013904223
	return int(seed>>8) % n
}

type person struct {
	Name string
	Age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Less(i, j int) bool { return a[i].Age < a[j].Age }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

func main() {
	for _, n := range []int{0, 1, 2, 3, 5, 12, 13, 20, 21, 40, 41, 100, 257, 1000, 5000} {
		for _, spread := range []int{1, 3, n + 1, 1 << 30} {
			xs := make([]int, n)
			for i := range xs {
				xs[i] = rnd(spread)
			}
			ys := append([]int(nil), xs...)
			sort.Ints(xs)
			sort.Sort(sort.Reverse(sort.IntSlice(ys)))
			sum := 0
			for i, x := range xs {
				sum = sum*31 + x*(i+1)
			}
			fmt.Println(n, spread, sort.IntsAreSorted(xs), sum, sort.IsSorted(sort.Reverse(sort.IntSlice(ys))),
				sort.SearchInts(xs, spread/2))
			if n <= 21 {
				fmt.Println(" ", xs, ys)
			}
			ps := make([]person, n)
			for i := range ps {
				ps[i] = person{fmt.Sprint("p", i), rnd(spread%7 + 1)}
			}
			qs := append([]person(nil), ps...)
			sort.Stable(byAge(ps))
			sort.SliceStable(qs, func(i, j int) bool { return qs[i].Age > qs[j].Age })
			if n <= 41 {
				fmt.Println(" ", ps)
				fmt.Println(" ", qs)
			} else {
				fmt.Println(" ", ps[n/2], qs[n/3], sort.IsSorted(byAge(ps)))
			}
		}
	}
	words := strings.Fields("the quick brown fox jumps over the lazy dog a b c")
	sort.Strings(words)
	fmt.Println(words, sort.StringsAreSorted(words), sort.SearchStrings(words, "fox"))
	fl := []float64{3, -1, 2.5, 0, 1e10, -7}
	sort.Float64s(fl)
	fmt.Println(fl, sort.Float64sAreSorted(fl), sort.SearchFloat64s(fl, 2))
	ks := []string{"d", "b", "a", "c"}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	fmt.Println(ks, sort.SliceIsSorted(ks, func(i, j int) bool { return ks[i] < ks[j] }))
	arr := []struct{ K int }{{3}, {1}, {2}}
	sort.Slice(arr, func(i, j int) bool { return arr[i].K < arr[j].K })
	fmt.Println(arr, sort.Search(100, func(i int) bool { return i*i >= 50 }))
	is := sort.IntSlice{5, 2, 9}
	is.Sort()
	ss := sort.StringSlice{"z", "y"}
	ss.Sort()
	fmt.Println(is, is.Search(9), ss, ss.Search("a"), sort.Float64Slice{2, 1}.Len())
}
