// errorcheck

// A generic function that calls itself with a bigger type argument needs
// instances without end: an instantiation cycle, never a hang.

package main

func f[E any](x E, n int) int { // ERROR "instantiation cycle"
	if n == 0 {
		return 0
	}
	return f([]E{x}, n-1)
}

func main() {
	_ = f(1, 3)
}
