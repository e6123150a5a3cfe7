// run

package main

import "fmt"

// Each function indexes after an earlier check on the same path; the second check
// must still fail when the index, the slice or the constant changed in between.

func try(name string, f func() int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	fmt.Println(name, f())
}

func bumped(s []int, i int) int {
	r := s[i]
	i++
	return r + s[i]
}

func shrunk(s []int, i int) int {
	r := s[i]
	s = s[:i]
	return r + s[i]
}

func constants(s []int) int {
	r := s[0]
	return r + s[2]
}

func swap(p []int, i, j int) int {
	p[i], p[j] = p[j], p[i]
	p[i]--
	return p[i] + p[j]
}

func str(s string, i int) int {
	n := int(s[i])
	if n > 0 {
		i += 3
	}
	return n + int(s[i])
}

func arr(a *[4]int, i int) int {
	a[i]++
	i *= 2
	a[i]++
	return a[i]
}

func main() {
	s := []int{1, 2, 3}
	try("bumped ok", func() int { return bumped(s, 1) })
	try("bumped", func() int { return bumped(s, 2) })
	try("shrunk", func() int { return shrunk(s, 1) })
	try("constants ok", func() int { return constants(s) })
	try("constants", func() int { return constants(s[:2]) })
	try("swap ok", func() int { return swap(s, 0, 2) })
	try("swap", func() int { return swap(s, 0, 3) })
	try("str ok", func() int { return str("abcdef", 1) })
	try("str", func() int { return str("abcd", 1) })
	var a [4]int
	try("arr ok", func() int { return arr(&a, 1) })
	try("arr", func() int { return arr(&a, 2) })
}
