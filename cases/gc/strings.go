// run

package main

import "runtime"

// Strings built by concatenation and conversion in loops; a rotating window of them
// (and substrings pointing into their middles) stays alive.

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

func main() {
	var window [64]string
	var mids [64]string
	h := 0
	for i := 0; i < 60000; i++ {
		s := "item-" + itoa(i) + "-"
		for j := 0; j < 8; j++ {
			s += itoa(i * j)
		}
		b := []byte(s)
		b[0] = 'I'
		s = string(b)
		window[i%64] = s
		mids[i%64] = s[5 : len(s)-2]
		if i%10000 == 0 {
			runtime.GC()
		}
	}
	for i := range window {
		for j := 0; j < len(window[i]); j++ {
			h = h*31 + int(window[i][j])
		}
		h ^= len(mids[i])
		h += int(mids[i][0])
		h &= 0xffffffff
	}
	println(window[0], mids[63], h)
}
