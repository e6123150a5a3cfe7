// primes: sieve, factorize and tabulate, printing with fmt.
package main

import (
	"fmt"
	"sort"
	"strings"
)

func sieve(n int) []int {
	composite := make([]bool, n+1)
	var out []int
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		out = append(out, i)
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return out
}

type factor struct{ p, k int }

func factorize(n int, primes []int) []factor {
	var fs []factor
	for _, p := range primes {
		if p*p > n {
			break
		}
		k := 0
		for n%p == 0 {
			n /= p
			k++
		}
		if k > 0 {
			fs = append(fs, factor{p, k})
		}
	}
	if n > 1 {
		fs = append(fs, factor{n, 1})
	}
	return fs
}

func format(fs []factor) string {
	var parts []string
	for _, f := range fs {
		if f.k == 1 {
			parts = append(parts, fmt.Sprint(f.p))
		} else {
			parts = append(parts, fmt.Sprintf("%d^%d", f.p, f.k))
		}
	}
	return strings.Join(parts, " * ")
}

func divisors(fs []factor) []int {
	ds := []int{1}
	for _, f := range fs {
		var next []int
		pk := 1
		for k := 0; k <= f.k; k++ {
			for _, d := range ds {
				next = append(next, d*pk)
			}
			pk *= f.p
		}
		ds = next
	}
	sort.Ints(ds)
	return ds
}

func gaps(primes []int) map[int]int {
	g := make(map[int]int)
	for i := 1; i < len(primes); i++ {
		g[primes[i]-primes[i-1]]++
	}
	return g
}

func main() {
	primes := sieve(1000)
	fmt.Println(len(primes), "primes below 1000; last", primes[len(primes)-1])
	for _, n := range []int{360, 997, 1001, 65536, 999999} {
		fs := factorize(n, primes)
		ds := divisors(fs)
		fmt.Printf("%7d = %-20s %d divisors, largest proper %d\n", n, format(fs), len(ds),
			ds[len(ds)-2+boolInt(len(ds) == 1)])
	}
	g := gaps(primes)
	var keys []int
	for k := range g {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		fmt.Printf("gap %2d: %3d\n", k, g[k])
	}
	var twins []string
	for i := 1; i < len(primes) && len(twins) < 8; i++ {
		if primes[i]-primes[i-1] == 2 {
			twins = append(twins, fmt.Sprintf("(%d,%d)", primes[i-1], primes[i]))
		}
	}
	fmt.Println("twins:", strings.Join(twins, " "))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
